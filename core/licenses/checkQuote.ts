import { errorsOf, type BillingError } from '../errors';
import type { Cents } from '../money/cents';
import { formatUsd } from '../money/formatUsd';
import type { QuantityChangePlan } from './planQuantityChange';

/** What the admin saw in the preview and authorised: the charge now and the new monthly total. */
export interface QuantityQuote {
    readonly chargeNow: Cents;
    readonly monthlyRecurringTotal: Cents;
}

/** The one refusal of a stale quote, for the service's registry of codes. */
export const QUOTE_ERROR_STATUS = { quote_changed: 409 } as const;

const quoteError = errorsOf(QUOTE_ERROR_STATUS);

/**
 * R3.1 R9: consent is bound to the amount shown. When the plan computed at apply time (another day's
 * proration, a price or quantity changed meanwhile) differs from the quote the admin authorised, the
 * change is refused with the new figures and nothing is charged; the admin reviews and accepts again.
 */
export function checkQuote(
    plan: QuantityChangePlan,
    quote: QuantityQuote
): BillingError<'quote_changed'> | undefined {
    if (plan.chargeNow === quote.chargeNow && plan.monthlyRecurringTotal === quote.monthlyRecurringTotal) {
        return undefined;
    }
    return quoteError(
        'quote_changed',
        `The charge changed since the preview: it is now ${formatUsd(plan.chargeNow)} now and ${formatUsd(plan.monthlyRecurringTotal)} a month (you accepted ${formatUsd(quote.chargeNow)} and ${formatUsd(quote.monthlyRecurringTotal)}). Nothing was charged; review the new amounts and accept again.`,
        {
            chargeNow: plan.chargeNow,
            monthlyRecurringTotal: plan.monthlyRecurringTotal,
            quotedChargeNow: quote.chargeNow,
            quotedMonthlyRecurringTotal: quote.monthlyRecurringTotal
        }
    );
}
