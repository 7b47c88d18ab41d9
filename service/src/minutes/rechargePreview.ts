import { type Cents, computeRechargePlan, rechargeWindow, type IsoDate } from '../../../core/index';
import type { Queryable } from '../db/pool';
import { loadMinuteSettings } from './minuteSettingsRepository';
import { usageBetween } from './usageRepository';

export interface RechargePreview {
    enabled: boolean;
    /** R5.3: the 30 calendar days before today in the account's time zone. */
    windowFirstDay: IsoDate;
    windowLastDay: IsoDate;
    usageCents: Cents;
    dailyAverageCents: Cents;
    rechargeAmountCents: Cents;
    thresholdCents: Cents;
}

/** R5.3: what automatic recharge would charge, and below which balance, shown before it is turned on. */
export async function rechargePreview(
    db: Queryable,
    account: { id: string; timeZone: string },
    now: Date
): Promise<RechargePreview> {
    const window = rechargeWindow(now, account.timeZone);
    const usageCents = await usageBetween(db, account.id, window.from, window.to);
    const plan = computeRechargePlan(usageCents);
    const settings = await loadMinuteSettings(db, account.id);
    return {
        enabled: settings.rechargeEnabled,
        windowFirstDay: window.firstDay,
        windowLastDay: window.lastDay,
        usageCents,
        dailyAverageCents: plan.dailyAverage,
        rechargeAmountCents: plan.rechargeAmount,
        thresholdCents: plan.threshold
    };
}
