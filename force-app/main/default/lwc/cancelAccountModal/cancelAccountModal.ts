import BillingModal from 'c/billingModal';
import { cancelAccount, newIdempotencyKey, previewCancellation, type Cancellation } from 'c/billingApi';
import { formatCents, formatDate } from 'c/billingFormat';

/** Cancel Account (R1.3, R4.3): the effective date and what remains owed, then cancel after Accept. */
export default class CancelAccountModal extends BillingModal {
    cancellation: Cancellation | undefined;
    cancellationError: unknown;

    async connectedCallback(): Promise<void> {
        try {
            const preview = await previewCancellation(this.accountId, newIdempotencyKey());
            this.cancellation = preview;
            this.cancellationError = undefined;
            this.startChange(
                `Cancel the account, effective ${formatDate(preview.plan.effectiveDate)}, with ${formatCents(preview.plan.remainingOwed)} still owed under the contract`,
                (authorization, key) => cancelAccount(this.accountId, authorization, key)
            );
        } catch (error) {
            this.cancellationError = error;
        }
    }

    get cancellationDate(): string {
        return formatDate(this.cancellation?.plan.effectiveDate);
    }

    get cancellationOwed(): string {
        return formatCents(this.cancellation?.plan.remainingOwed ?? 0);
    }

    /** Nothing else to do here: the footer's Cancel keeps the account and closes the dialog. */
    handleCancelChange(): void {
        super.handleCancelChange();
        this.close({});
    }
}
