import { addMonths, firstOfMonth, formatLongDate, parseIsoDate, toIsoDate } from '../calendar/calendarDate';
import type { IsoDate } from '../calendar/calendarDate';
import { LICENSE_CATALOG, LICENSE_CODES } from '../catalog/licenses';
import type { LicenseCode } from '../catalog/licenses';
import { floorOf } from '../contract/contract';
import type { Contract } from '../contract/contract';
import { BillingError, ok, refused } from '../errors';
import type { Result } from '../errors';
import { multiplyCents, sumCents } from '../money/cents';
import type { Cents } from '../money/cents';
import { prorate, prorationDays } from '../proration/prorate';
import { monthlyRecurring, priceOf } from './monthlyRecurring';
import { MAX_QUANTITY, quantityOf, quantitySchema } from './schemas';
import type { LicensePrices, LicenseQuantities } from './schemas';

export interface QuantityChangeInput {
    readonly now: Date;
    readonly timeZone: string;
    readonly prices: LicensePrices;
    readonly current: LicenseQuantities;
    /** New quantities; a license left out keeps its current quantity. */
    readonly requested: LicenseQuantities;
    readonly contract: Contract | null;
    /** Users holding each license now (R3.3 binds per-user licenses). */
    readonly holders: Partial<Record<LicenseCode, number>>;
    /**
     * The most licenses already paid for this billing month (the cycle charge and earlier additions),
     * when more than `current`: a license removed this month stays paid until the next cycle (R3.5),
     * so adding it back within the month is not charged twice.
     */
    readonly paidThisMonth?: LicenseQuantities;
}

export interface QuantityChangeLine {
    readonly license: LicenseCode;
    readonly name: string;
    readonly currentQuantity: number;
    readonly newQuantity: number;
    readonly added: number;
    readonly removed: number;
    /** Added licenses charged now: those above what this month already paid for (R3.5). */
    readonly charged: number;
    readonly unitPrice: Cents;
    /** Days charged for the added licenses (today included) out of `daysInMonth`. */
    readonly prorationDays: number;
    readonly daysInMonth: number;
    /** Prorated charge for the added licenses, billed now (R3.4); removals earn no credit (R3.5). */
    readonly chargeNow: Cents;
    /** newQuantity × unitPrice, billed from the next cycle. */
    readonly monthlyTotal: Cents;
}

export interface QuantityChangePlan {
    readonly today: IsoDate;
    /** The next billing cycle, from which removals take effect and the new monthly total is billed. */
    readonly nextCycleDate: IsoDate;
    /** Only the licenses whose quantity changes. */
    readonly lines: readonly QuantityChangeLine[];
    readonly chargeNow: Cents;
    readonly previousMonthlyRecurringTotal: Cents;
    readonly monthlyRecurringTotal: Cents;
    readonly newQuantities: LicenseQuantities;
}

function checkQuantity(input: QuantityChangeInput, license: LicenseCode, requested: number): BillingError[] {
    const definition = LICENSE_CATALOG[license];
    const today = prorationDays(input.now, input.timeZone).today;
    const errors: BillingError[] = [];
    if (!quantitySchema.safeParse(requested).success) {
        return [
            new BillingError(
                'invalid_quantity',
                `${definition.name}: the quantity must be a whole number from 0 to ${MAX_QUANTITY.toLocaleString('en-US')}, not ${requested}.`,
                { license, requested }
            )
        ];
    }
    if (definition.kind === 'feature' && requested > 1) {
        errors.push(
            new BillingError(
                'invalid_quantity',
                `${definition.name} is one per account: its quantity is 0 or 1, not ${requested}.`,
                {
                    license,
                    requested
                }
            )
        );
    }
    const floor = floorOf(input.contract, license, today);
    if (requested < floor && input.contract !== null) {
        errors.push(
            new BillingError(
                'license_floor',
                `${definition.name} cannot go below ${floor}: your contract requires at least ${floor} until ${formatLongDate(parseIsoDate(input.contract.end))}.`,
                { license, requested, floor, termEnd: input.contract.end }
            )
        );
    }
    const holders = input.holders[license] ?? 0;
    if (definition.kind === 'per_user' && requested < holders) {
        errors.push(
            new BillingError(
                'quantity_below_holders',
                `${definition.name} cannot go below ${holders}: ${holders} users hold it. Unassign it from ${holders - requested} of them first.`,
                { license, requested, holders }
            )
        );
    }
    return errors;
}

/** R3.1–R3.6: the preview of a quantity change (charged now, per-line and monthly totals), or every refusal. */
export function planQuantityChange(input: QuantityChangeInput): Result<QuantityChangePlan> {
    const days = prorationDays(input.now, input.timeZone);
    const newQuantities: LicenseQuantities = { ...input.current, ...input.requested };
    const changed = LICENSE_CODES.filter(
        (license) => quantityOf(newQuantities, license) !== quantityOf(input.current, license)
    );
    const errors = changed.flatMap((license) =>
        checkQuantity(input, license, quantityOf(newQuantities, license))
    );
    if (errors.length > 0) return refused(errors);

    try {
        const lines = changed.map((license): QuantityChangeLine => {
            const currentQuantity = quantityOf(input.current, license);
            const newQuantity = quantityOf(newQuantities, license);
            const added = Math.max(0, newQuantity - currentQuantity);
            const paid = Math.max(currentQuantity, quantityOf(input.paidThisMonth ?? {}, license));
            const charged = Math.max(0, newQuantity - paid);
            const unitPrice = priceOf(input.prices, license);
            const proration = prorate({
                unitPrice,
                quantity: charged,
                now: input.now,
                timeZone: input.timeZone
            });
            return {
                license,
                name: LICENSE_CATALOG[license].name,
                currentQuantity,
                newQuantity,
                added,
                removed: Math.max(0, currentQuantity - newQuantity),
                charged,
                unitPrice,
                prorationDays: charged > 0 ? proration.daysLeft : 0,
                daysInMonth: proration.daysInMonth,
                chargeNow: proration.amount,
                monthlyTotal: multiplyCents(unitPrice, newQuantity)
            };
        });
        return ok({
            today: toIsoDate(days.today),
            nextCycleDate: toIsoDate(addMonths(firstOfMonth(days.today), 1)),
            lines,
            chargeNow: sumCents(lines.map((line) => line.chargeNow)),
            previousMonthlyRecurringTotal: monthlyRecurring(input.current, input.prices).total,
            monthlyRecurringTotal: monthlyRecurring(newQuantities, input.prices).total,
            newQuantities
        });
    } catch (error) {
        if (error instanceof BillingError) return refused([error]);
        throw error;
    }
}
