import { inServiceAt } from '../accounts/billingAccountRepository';
import type { Pool, Queryable, Tx } from '../db/pool';

/** One account's cycle to try (a dunning retry's month may be over). */
export interface CycleWork {
    accountId: string;
    period: string;
}

/**
 * R4.1 R4.2 what a cycle pass at `now` has to do: accounts in service whose cycle (their local
 * month) has no collection yet, and collections whose next try (a dunning retry, a new source,
 * an attempt left pending by a crash) is due. `retriesOnly` lists only the second kind; `accountId` only that account's.
 */
export async function listDueCycleWork(
    db: Queryable,
    now: Date,
    options: { retriesOnly?: boolean; accountId?: string } = {}
): Promise<CycleWork[]> {
    const retries = await db.query<{ billing_account_id: string; period: string }>(
        `SELECT c.billing_account_id, c.period FROM cycle_collections c JOIN billing_accounts a ON a.id = c.billing_account_id
         WHERE c.status = 'collecting' AND c.next_attempt_at <= $1 AND ${inServiceAt('$1')}
           AND ($2::uuid IS NULL OR a.id = $2)
         ORDER BY c.next_attempt_at, c.billing_account_id`,
        [now, options.accountId ?? null]
    );
    const work: CycleWork[] = retries.rows.map((row) => ({
        accountId: row.billing_account_id,
        period: row.period
    }));
    if (options.retriesOnly === true) return work;
    const fresh = await db.query<{ id: string; period: string }>(
        `SELECT a.id, to_char($1::timestamptz AT TIME ZONE a.time_zone, 'YYYY-MM') AS period FROM billing_accounts a
         WHERE ${inServiceAt('$1')} AND ($2::uuid IS NULL OR a.id = $2)
           AND a.created_at < date_trunc('month', $1::timestamptz AT TIME ZONE a.time_zone) AT TIME ZONE a.time_zone
           AND NOT EXISTS (SELECT 1 FROM cycle_collections c WHERE c.billing_account_id = a.id
                           AND c.period = to_char($1::timestamptz AT TIME ZONE a.time_zone, 'YYYY-MM'))
         ORDER BY a.id`,
        [now, options.accountId ?? null]
    );
    return [...work, ...fresh.rows.map((row) => ({ accountId: row.id, period: row.period }))];
}

/** Locks the account for its cycle: its time zone, and whether its cycle is due (opened before this local month). */
export async function lockCycleAccount(
    tx: Tx,
    accountId: string,
    now: Date
): Promise<{ id: string; timeZone: string; due: boolean } | undefined> {
    const locked = await tx.query<{ id: string; time_zone: string; due: boolean }>(
        `SELECT a.id, a.time_zone,
                a.created_at < date_trunc('month', $2::timestamptz AT TIME ZONE a.time_zone) AT TIME ZONE a.time_zone AS due
         FROM billing_accounts a WHERE a.id = $1 AND ${inServiceAt('$2')} FOR UPDATE`,
        [accountId, now]
    );
    const row = locked.rows[0];
    return row === undefined ? undefined : { id: row.id, timeZone: row.time_zone, due: row.due };
}

export async function accountTimeZone(db: Queryable, accountId: string): Promise<string> {
    const rows = await db.query<{ time_zone: string }>(
        'SELECT time_zone FROM billing_accounts WHERE id = $1',
        [accountId]
    );
    return rows.rows[0]?.time_zone ?? 'UTC';
}

/** Accounts whose cycle of their month at `now` is paid. */
export async function countPaidCycles(pool: Pool, now: Date): Promise<number> {
    const rows = await pool.query<{ billed: number }>(
        `SELECT count(*)::int AS billed FROM cycle_collections c JOIN billing_accounts a ON a.id = c.billing_account_id
         WHERE c.status = 'paid' AND c.period = to_char($1::timestamptz AT TIME ZONE a.time_zone, 'YYYY-MM')`,
        [now]
    );
    return rows.rows[0]?.billed ?? 0;
}
