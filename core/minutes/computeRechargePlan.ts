import { addDays, calendarDateIn, startOfDayInstant, toIsoDate } from '../calendar/calendarDate';
import type { IsoDate } from '../calendar/calendarDate';
import type { Cents } from '../money/cents';
import { roundHalfUp } from '../money/roundHalfUp';

export const RECHARGE_WINDOW_DAYS = 30;
export const RECHARGE_DAYS = 14;
export const THRESHOLD_DAYS = 7;

export interface RechargeWindow {
    readonly firstDay: IsoDate;
    readonly lastDay: IsoDate;
    /** Half-open instant range [from, to) covering those days in the account's time zone. */
    readonly from: Date;
    readonly to: Date;
}

/** R5.3: the 30 calendar days before today (today excluded) in the account's time zone. */
export function rechargeWindow(now: Date, timeZone: string): RechargeWindow {
    const today = calendarDateIn(now, timeZone);
    const first = addDays(today, -RECHARGE_WINDOW_DAYS);
    return {
        firstDay: toIsoDate(first),
        lastDay: toIsoDate(addDays(today, -1)),
        from: startOfDayInstant(first, timeZone),
        to: startOfDayInstant(today, timeZone)
    };
}

export interface RechargePlan {
    /** Usage over the window ÷ 30, rounded half-up (shown only; the amounts below use the exact ratio). */
    readonly dailyAverage: Cents;
    /** Average × 14, computed exactly from the 30-day usage then rounded once. */
    readonly rechargeAmount: Cents;
    /** Average × 7: the minimum reserve below which a recharge is due (R5.3). */
    readonly threshold: Cents;
}

/** R5.3: recharge amount and threshold from the usage of the 30 days before now. No $100 minimum applies. */
export function computeRechargePlan(usageLast30Days: Cents): RechargePlan {
    return {
        dailyAverage: roundHalfUp(usageLast30Days, RECHARGE_WINDOW_DAYS),
        rechargeAmount: roundHalfUp(BigInt(usageLast30Days) * BigInt(RECHARGE_DAYS), RECHARGE_WINDOW_DAYS),
        threshold: roundHalfUp(BigInt(usageLast30Days) * BigInt(THRESHOLD_DAYS), RECHARGE_WINDOW_DAYS)
    };
}

/** R5.4: charge the recharge amount when recharge is on, the balance is below the threshold, and none is in flight. */
export function shouldRecharge(
    balance: Cents,
    threshold: Cents,
    enabled: boolean,
    inFlight: boolean
): boolean {
    return enabled && !inFlight && threshold > 0 && balance < threshold;
}
