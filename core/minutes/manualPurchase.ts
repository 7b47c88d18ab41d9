import { BillingError, ok, refused } from '../errors';
import type { Result } from '../errors';
import type { Cents } from '../money/cents';
import { formatUsd } from '../money/formatUsd';
import { centsToMinutes } from './minuteRate';

/** R5.2: a manual purchase of minutes is at least $100.00 (5,000 minutes). */
export const MINIMUM_MANUAL_PURCHASE: Cents = 10000;
export const MAXIMUM_MANUAL_PURCHASE: Cents = 10_000_000;

/** R5.2: the amount and minutes of a manual purchase, or `minimum_purchase`. */
export function planManualPurchase(amount: Cents): Result<{ amount: Cents; minutes: number }> {
    if (!Number.isSafeInteger(amount) || amount < MINIMUM_MANUAL_PURCHASE) {
        return refused([
            new BillingError(
                'minimum_purchase',
                `A purchase of dialer minutes is at least ${formatUsd(MINIMUM_MANUAL_PURCHASE)} (${centsToMinutes(MINIMUM_MANUAL_PURCHASE).toLocaleString('en-US')} minutes).`,
                { amount, minimum: MINIMUM_MANUAL_PURCHASE }
            )
        ]);
    }
    if (amount > MAXIMUM_MANUAL_PURCHASE) {
        return refused([
            new BillingError(
                'invalid_amount',
                `A single purchase of dialer minutes is at most ${formatUsd(MAXIMUM_MANUAL_PURCHASE)}.`,
                {
                    amount,
                    maximum: MAXIMUM_MANUAL_PURCHASE
                }
            )
        ]);
    }
    return ok({ amount, minutes: centsToMinutes(amount) });
}
