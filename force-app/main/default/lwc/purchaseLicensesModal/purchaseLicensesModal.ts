import { api } from 'lwc';
import BillingModal from 'c/billingModal';
import {
    applyQuantities,
    newIdempotencyKey,
    previewQuantities,
    type Licenses,
    type QuantityPreview
} from 'c/billingApi';
import { errorCode, settle } from 'c/billingErrors';
import { formatCents, formatDate, formatNumber } from 'c/billingFormat';
import { landOn } from 'c/fieldProblems';

/**
 * Purchase Product Licenses (R3): a stepper per license with its floor and the term end, and a
 * preview of the prorated charge now and the new monthly total before accepting.
 */
export default class PurchaseLicensesModal extends BillingModal {
    /** The licenses as the panel shows them (current quantities, floors, contract term). */
    @api licenses: Licenses | undefined;

    quantities: Record<string, number> = {};
    quantityPreview: QuantityPreview | undefined;
    quantityPreviewError: unknown;
    private landOnRefusal = false;

    get termEnd(): string {
        return formatDate(this.licenses?.contract?.end);
    }

    get hasTerm(): boolean {
        return Boolean(this.licenses?.contract);
    }

    get quantityRows() {
        return (this.licenses?.licenses ?? []).map((license) => ({
            code: license.code,
            label: `${license.name} (now ${formatNumber(license.purchased)}, floor ${formatNumber(license.floor)})`,
            unitPrice: `${formatCents(license.unitPriceCents)} per month each`,
            floor: license.floor,
            value: this.quantities[license.code] ?? license.purchased
        }));
    }

    get changedQuantities(): Record<string, number> {
        const current = new Map<string, number>(
            (this.licenses?.licenses ?? []).map((l) => [l.code, l.purchased])
        );
        return Object.fromEntries(
            Object.entries(this.quantities).filter(([code, qty]) => current.get(code) !== qty)
        );
    }

    get noQuantityChanges(): boolean {
        return Object.keys(this.changedQuantities).length === 0;
    }

    get previewLines() {
        return (this.quantityPreview?.plan?.lines ?? []).map((line) => ({
            code: line.license,
            description: `${line.name}: ${formatNumber(line.currentQuantity)} → ${formatNumber(line.newQuantity)}`,
            proration:
                line.added > 0
                    ? `${line.prorationDays} of ${line.daysInMonth} days`
                    : 'no credit; billed lower from the next cycle',
            chargeNow: formatCents(line.chargeNow)
        }));
    }

    get previewChargeNow(): string {
        return formatCents(this.quantityPreview?.plan?.chargeNow ?? 0);
    }

    get previewMonthlyTotal(): string {
        return formatCents(this.quantityPreview?.plan?.monthlyRecurringTotal ?? 0);
    }

    /** Figures only for a plan: a refused preview has none to show (no "$0.00"). */
    get hasPlan(): boolean {
        return Boolean(this.quantityPreview?.plan);
    }

    get previewRefused(): boolean {
        return (this.quantityPreview?.refusals.length ?? 0) > 0;
    }

    get previewRefusals(): string[] {
        return (this.quantityPreview?.refusals ?? []).map((refusal) => refusal.message);
    }

    /** Why the preview has no charge to offer: the service's refusals, or why it failed (none: undefined errors). */
    get previewProblem(): { errors: unknown; className: string; message: string } {
        if (this.quantityPreviewError) {
            return {
                errors: this.quantityPreviewError,
                className: 'preview-error',
                message: 'The charge could not be previewed.'
            };
        }
        return {
            errors: this.previewRefused ? this.previewRefusals : undefined,
            className: 'refusals',
            message: 'This change is not allowed:'
        };
    }

    get cannotBuy(): boolean {
        return !this.quantityPreview?.plan || this.previewRefused || this.noQuantityChanges;
    }

    handleQuantityChange(event: CustomEvent<{ value: string }>): void {
        const code = (event.target as HTMLElement).dataset.code ?? '';
        const value = Number(event.detail.value);
        if (!Number.isInteger(value)) return;
        this.quantities = { ...this.quantities, [code]: value };
        this.quantityPreview = undefined;
        this.pending = null;
    }

    async handlePreviewQuantities(): Promise<void> {
        ({ data: this.quantityPreview, error: this.quantityPreviewError } = await settle(
            previewQuantities(this.accountId, this.changedQuantities, newIdempotencyKey())
        ));
        // A refusal (or a failed preview) is brought into view and focused once it is drawn.
        this.landOnRefusal = Boolean(this.previewProblem.errors);
    }

    renderedCallback(): void {
        if (!this.landOnRefusal) return;
        this.landOnRefusal = false;
        landOn(this.template?.querySelector<HTMLElement>('.preview-refusal'));
    }

    handleBuyLicenses(): void {
        const plan = this.quantityPreview?.plan;
        if (!plan) return;
        const quantities = this.changedQuantities;
        // The amounts shown are the amounts authorised: the service charges only these (R3.1 R9).
        const quote = { chargeNow: plan.chargeNow, monthlyRecurringTotal: plan.monthlyRecurringTotal };
        const lines = this.previewLines.map((line) => line.description).join(', ');
        this.startChange(
            `Change licenses ${lines}; charge now ${this.previewChargeNow}; new monthly total ${this.previewMonthlyTotal}`,
            async (authorization, key) => {
                try {
                    await applyQuantities(this.accountId, quantities, quote, authorization, key);
                } catch (error) {
                    // The charge changed since the preview: show the new figures; Purchase asks again.
                    if (errorCode(error) === 'quote_changed') await this.handlePreviewQuantities();
                    throw error;
                }
            }
        );
    }
}
