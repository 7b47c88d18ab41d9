import { shouldRecharge } from '../../../core/index';
import { inServiceAt } from '../accounts/billingAccountRepository';
import type { Pool } from '../db/pool';
import { withTransaction } from '../db/withTransaction';
import { isServiceError } from '../http/serviceError';
import type { MoneyDeps } from '../transactions/recordPurchase';
import { loadMinuteSettings } from './minuteSettings';
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
        const locked = await tx.query<{ id: string; time_zone: string }>(
            `SELECT a.id, a.time_zone FROM billing_accounts a WHERE a.id = $1 AND ${inServiceAt('$2')} FOR UPDATE`,
            [input.accountId, input.now]
        );
        const account = locked.rows[0];
        if (account === undefined) return { status: 'not_needed' };
        const settings = await loadMinuteSettings(tx, account.id);
        const plan = await rechargePreview(tx, { id: account.id, timeZone: account.time_zone }, input.now);
        const { balanceCents } = await minutesBalance(tx, account.id);
        if (!shouldRecharge(balanceCents, plan.thresholdCents, settings.rechargeEnabled, false))
            return { status: 'not_needed' };
        const claimed = await tx.query(
            `INSERT INTO billing_runs (kind, billing_account_id, period, status, started_at) VALUES ($1, $2, $3, 'started', $4)
             ON CONFLICT DO NOTHING`,
            [RUN_KIND, account.id, period, input.now]
        );
        if (claimed.rowCount === 0) return { status: 'already_ran', period };
        const finish = (status: 'succeeded' | 'failed') =>
            tx.query(
                'UPDATE billing_runs SET status = $4, finished_at = $5 WHERE kind = $1 AND billing_account_id = $2 AND period = $3',
                [RUN_KIND, account.id, period, status, input.now]
            );
        try {
            const purchase = await chargeMinutes(tx, deps, {
                accountId: account.id,
                amountCents: plan.rechargeAmountCents,
                idempotencyKey: `minute-recharge:${period}`,
                now: input.now
            });
            await finish('succeeded');
            return {
                status: 'recharged',
                period,
                transactionNumber: purchase.number,
                amountCents: purchase.totalCents
            };
        } catch (error) {
            if (!isServiceError(error, 'payment_declined')) throw error;
            await finish('failed');
            return { status: 'declined', period, reason: error.message };
        }
    });
}

/** R5.4: every account in service (R4.3: cancelling ones until their effective date) with recharge on; one account's failure does not stop the others. */
export async function runMinuteRecharges(
    deps: MoneyDeps & { pool: Pool },
    now: Date
): Promise<{ accountId: string; outcome: RechargeOutcome | { status: 'error'; message: string } }[]> {
    const accounts = await deps.pool.query<{ billing_account_id: string }>(
        `SELECT s.billing_account_id FROM minute_settings s JOIN billing_accounts a ON a.id = s.billing_account_id
         WHERE s.recharge_enabled AND ${inServiceAt('$1')} ORDER BY s.billing_account_id`,
        [now]
    );
    const results = [];
    for (const { billing_account_id: accountId } of accounts.rows) {
        try {
            results.push({ accountId, outcome: await runMinuteRecharge(deps, { accountId, now }) });
        } catch (error) {
            results.push({
                accountId,
                outcome: {
                    status: 'error' as const,
                    message: error instanceof Error ? error.message : String(error)
                }
            });
        }
    }
    return results;
}
