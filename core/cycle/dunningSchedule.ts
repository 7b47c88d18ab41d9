/**
 * R4.2 the retry schedule of a declined cycle bill: it is tried on these days of the cycle's
 * month (the 1st is the cycle itself), each at the account's local morning. After the last
 * one declines, the account is past due.
 */
export const DUNNING_DAYS: readonly number[] = [1, 3, 5, 7];

/** Local hour of a retry (the account's morning). */
export const DUNNING_LOCAL_HOUR = 9;

/**
 * Declines that another try on the same sources cannot fix (stolen, lost, closed, expired):
 * not retried until a funding source is added or changed.
 */
const HARD_DECLINES: ReadonlySet<string> = new Set([
    'stolen_card',
    'lost_card',
    'pickup_card',
    'restricted_card',
    'expired_card',
    'incorrect_cvc',
    'invalid_token',
    'no_account',
    'account_closed',
    'no_funding_source'
]);

export function isHardDecline(declineCode: string): boolean {
    return HARD_DECLINES.has(declineCode);
}

/** The next scheduled day of the month after `today` (the local day of the month), or null when the schedule is exhausted. */
export function nextDunningDay(today: number): number | null {
    return DUNNING_DAYS.find((day) => day > today) ?? null;
}
