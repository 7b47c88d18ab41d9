import { shouldRecharge } from '../../../core/index';
import { lockAccountInService } from '../accounts/billingAccountRepository';
import { forEachAccount, type AccountJobResult } from '../accounts/forEachAccount';
import type { Pool } from '../db/pool';
import { withTransaction } from '../db/withTransaction';
import { claimBillingRun, settleBillingRun } from '../transactions/billingRunRepository';
import type { MoneyDeps } from '../transactions/recordPurchase';
import { listAccountsWithRechargeOn, loadMinuteSettings } from './minuteSettingsRepository';
import { minutesBalance } from './minutesBalance';
import { chargeMinutes } from './purchaseMinutes';
import { rechargePreview } from './rechargePreview';

const WINDOW_HOURS = 4;
const RUN_KIND = 'minute_recharge';

export type RechargeOutcome =
    | { status: 'not_needed' }
    | { status: 'already_ran'; period: string }
    | { status: 'recharged'; period: string; transactionNumber: string; amountCents: number }
    | { status: 'declined'; period: string; reason: string };

/** The four-hour window `now` falls in, e.g. `2026-11-22T12` (UTC): one recharge per account and window. */
export function rechargePeriod(now: Date): string {
    const start = new Date(now);
    start.setUTCHours(Math.floor(now.getUTCHours() / WINDOW_HOURS) * WINDOW_HOURS, 0, 0, 0);
    return start.toISOString().slice(0, 13);
}

/**
 * R5.4 for one account: with the account row locked, when recharge is on and the balance is
 * below the threshold (core's shouldRecharge), claims (account, window) in billing_runs and charges
 * the recharge amount under the key `minute-recharge:<window>`. A second run in the window, on
 * this server or another, finds the claim and does nothing. A decline is recorded as a failed
 * run (and a failed transaction); the next window tries again.
 */
export async function runMinuteRecharge(
    deps: MoneyDeps,
    input: { accountId: string; now: Date }
): Promise<RechargeOutcome> {
    const period = rechargePeriod(input.now);
    return withTransaction(deps.pool, async (tx) => {
        const account = await lockAccountInService(tx, input.accountId, input.now);
        if (account === undefined) return { status: 'not_needed' };
        const settings = await loadMinuteSettings(tx, account.id);
        const plan = await rechargePreview(tx, { id: account.id, timeZone: account.time_zone }, input.now);
        const { balanceCents } = await minutesBalance(tx, account.id);
        if (!shouldRecharge(balanceCents, plan.thresholdCents, settings.rechargeEnabled, false))
            return { status: 'not_needed' };
        const run = { kind: RUN_KIND, accountId: account.id, period, now: input.now } as const;
        if (!(await claimBillingRun(tx, run, { retryFailed: false })))
            return { status: 'already_ran', period };
        const settled = await settleBillingRun(tx, run, () =>
            chargeMinutes(tx, deps, {
                accountId: account.id,
                amountCents: plan.rechargeAmountCents,
                idempotencyKey: `minute-recharge:${period}`,
                now: input.now
            })
        );
        if (!settled.charged) return { status: 'declined', period, reason: settled.reason };
        return {
            status: 'recharged',
            period,
            transactionNumber: settled.value.number,
            amountCents: settled.value.totalCents
        };
    });
}

/** R5.4: every account in service (R4.3: cancelling ones until their effective date) with recharge on; one account's failure does not stop the others. */
export async function runMinuteRecharges(
    deps: MoneyDeps & { pool: Pool },
    now: Date
): Promise<AccountJobResult<RechargeOutcome>[]> {
    return forEachAccount(await listAccountsWithRechargeOn(deps.pool, now), (accountId) =>
        runMinuteRecharge(deps, { accountId, now })
    );
}
