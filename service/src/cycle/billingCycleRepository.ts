import type { CyclePeriod } from '../../../core/index';
import { inServiceAt } from '../accounts/billingAccountRepository';
import type { Queryable, Tx } from '../db/pool';

export interface LockedAccount {
    id: string;
    org_id: string;
    time_zone: string;
    billing_administrator_user_id: string | null;
    /** Opened before this cycle's first day: its first month was paid at signup, not by a cycle. */
    due: boolean;
}

/** Locks the account if it is in service at `now`; `due` says whether its cycle is billed now. */
export async function lockAccountForCycle(
    tx: Tx,
    accountId: string,
    now: Date
): Promise<LockedAccount | undefined> {
    const locked = await tx.query<LockedAccount>(
        `SELECT a.id, a.org_id, a.time_zone, a.billing_administrator_user_id,
                a.created_at < date_trunc('month', $2::timestamptz AT TIME ZONE a.time_zone) AT TIME ZONE a.time_zone AS due
         FROM billing_accounts a WHERE a.id = $1 AND ${inServiceAt('$2')} FOR UPDATE`,
        [accountId, now]
    );
    return locked.rows[0];
}

/** The declined attempts of this cycle (recorded outside the rolled-back transactions, so they last). */
export async function countDeclinedCycleAttempts(
    tx: Tx,
    accountId: string,
    period: CyclePeriod
): Promise<number> {
    const failed = await tx.query<{ attempts: number }>(
        `SELECT count(*)::int AS attempts FROM sales_transactions
         WHERE billing_account_id = $1 AND kind = 'cycle' AND status = 'failed' AND idempotency_key LIKE $2`,
        [accountId, `cycle:${period}:%`]
    );
    return failed.rows[0]?.attempts ?? 0;
}

/** Every account in service at `now`, with its org. */
export async function listAccountsInService(
    db: Queryable,
    now: Date
): Promise<{ id: string; org_id: string }[]> {
    const accounts = await db.query<{ id: string; org_id: string }>(
        `SELECT a.id, a.org_id FROM billing_accounts a WHERE ${inServiceAt('$1')} ORDER BY a.id`,
        [now]
    );
    return accounts.rows;
}
