import type { Tx } from '../db/pool';
import { isServiceError } from '../kernel/serviceError';

/** One run of a charging job for one account and period (a cycle month, a recharge window). */
export interface BillingRun {
    kind: 'cycle' | 'minute_recharge';
    accountId: string;
    period: string;
    now: Date;
}

/**
 * Claims the run in billing_runs (one row per kind, account and period), so a second run of the
 * job, on this server or another, does nothing: false when already claimed. With `retryFailed`, a
 * run that ended in a decline is claimed again.
 */
export async function claimBillingRun(
    tx: Tx,
    run: BillingRun,
    options: { retryFailed: boolean }
): Promise<boolean> {
    const claimed = await tx.query(
        `INSERT INTO billing_runs (kind, billing_account_id, period, status, started_at) VALUES ($1, $2, $3, 'started', $4)
         ON CONFLICT (kind, billing_account_id, period) DO ${
             options.retryFailed
                 ? "UPDATE SET status = 'started', started_at = EXCLUDED.started_at WHERE billing_runs.status = 'failed'"
                 : 'NOTHING'
         }`,
        [run.kind, run.accountId, run.period, run.now]
    );
    return claimed.rowCount === 1;
}

/**
 * Charges a claimed run and records how it ended: succeeded, or failed on a decline (whose message
 * is returned; the declined transaction is already recorded by recordPurchase). Other errors throw.
 */
export async function settleBillingRun<T>(
    tx: Tx,
    run: BillingRun,
    charge: () => Promise<T>
): Promise<{ charged: true; value: T } | { charged: false; reason: string }> {
    const finish = (status: 'succeeded' | 'failed') =>
        tx.query(
            'UPDATE billing_runs SET status = $4, finished_at = $5 WHERE kind = $1 AND billing_account_id = $2 AND period = $3',
            [run.kind, run.accountId, run.period, status, run.now]
        );
    try {
        const value = await charge();
        await finish('succeeded');
        return { charged: true, value };
    } catch (error) {
        if (!isServiceError(error, 'payment_declined')) throw error;
        await finish('failed');
        return { charged: false, reason: error.message };
    }
}
