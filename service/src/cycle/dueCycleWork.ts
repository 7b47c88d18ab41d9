import { inServiceAt } from '../accounts/billingAccountRepository';
import type { Queryable } from '../db/pool';

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
