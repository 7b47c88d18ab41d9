import { inServiceAt } from '../accounts/billingAccountRepository';
import type { Pool, Queryable, Tx } from '../db/pool';

export interface RechargeRow {
    id: string;
    status: 'pending' | 'succeeded' | 'declined';
    amount_cents: number;
    funding_source_id: string;
    idempotency_key: string;
    created_at: Date;
    settled_at: Date | null;
}

/** The account's recharges of the last `sinceMs` before `now`, newest first. */
export async function recentRecharges(db: Queryable, accountId: string, since: Date): Promise<RechargeRow[]> {
    const rows = await db.query<RechargeRow>(
        `SELECT id, status, amount_cents, funding_source_id, idempotency_key, created_at, settled_at
         FROM minute_recharges WHERE billing_account_id = $1 AND (created_at >= $2 OR status = 'pending')
         ORDER BY created_at DESC, id DESC`,
        [accountId, since]
    );
    return rows.rows;
}

/** Records a recharge 'pending' (in flight), committed before the processor is called; its key never changes. */
export async function insertPendingRecharge(
    db: Queryable,
    input: { accountId: string; amountCents: number; fundingSourceId: string; now: Date }
): Promise<RechargeRow> {
    const inserted = await db.query<RechargeRow>(
        `WITH id AS (SELECT gen_random_uuid() AS id)
         INSERT INTO minute_recharges (id, billing_account_id, status, amount_cents, funding_source_id, idempotency_key, created_at)
         SELECT id.id, $1, 'pending', $2, $3, 'minute-recharge:' || id.id, $4 FROM id
         RETURNING id, status, amount_cents, funding_source_id, idempotency_key, created_at, settled_at`,
        [input.accountId, input.amountCents, input.fundingSourceId, input.now]
    );
    const row = inserted.rows[0];
    if (row === undefined) throw new Error('INSERT … RETURNING returned no row');
    return row;
}

export async function settleRecharge(
    db: Queryable,
    input: { id: string; status: 'succeeded' | 'declined'; declineCode?: string; now: Date }
): Promise<void> {
    await db.query(
        'UPDATE minute_recharges SET status = $2, decline_code = $3, settled_at = $4 WHERE id = $1',
        [input.id, input.status, input.declineCode ?? null, input.now]
    );
}

/** R7.4 the source of a recharge: the one chosen for minutes, else the primary, else the secondary; never an expired card. */
export async function rechargeSourceOf(
    db: Queryable,
    accountId: string,
    now: Date
): Promise<string | undefined> {
    const found = await db.query<{ id: string }>(
        `SELECT s.id FROM funding_sources s LEFT JOIN minute_settings m ON m.billing_account_id = s.billing_account_id
         WHERE s.billing_account_id = $1 AND s.removed_at IS NULL
           AND (s.exp_year IS NULL OR make_date(s.exp_year, s.exp_month, 1) + interval '1 month' > $2::timestamptz)
           AND (s.id = m.recharge_funding_source_id OR s.role IS NOT NULL)
         ORDER BY CASE WHEN s.id = m.recharge_funding_source_id THEN 0 WHEN s.role = 'primary' THEN 1 ELSE 2 END
         LIMIT 1`,
        [accountId, now]
    );
    return found.rows[0]?.id;
}

/** Locks an account in service at `now` for its recharge. */
export async function lockRechargeAccount(
    tx: Tx,
    accountId: string,
    now: Date
): Promise<{ id: string; timeZone: string } | undefined> {
    const locked = await tx.query<{ id: string; time_zone: string }>(
        `SELECT a.id, a.time_zone FROM billing_accounts a WHERE a.id = $1 AND ${inServiceAt('$2')} FOR UPDATE`,
        [accountId, now]
    );
    const row = locked.rows[0];
    return row === undefined ? undefined : { id: row.id, timeZone: row.time_zone };
}

/** The accounts the four-hourly sweep looks at: recharge on, in service (R4.3: cancelling ones until their effective date). */
export async function listRechargeAccounts(pool: Pool, now: Date): Promise<string[]> {
    const accounts = await pool.query<{ billing_account_id: string }>(
        `SELECT s.billing_account_id FROM minute_settings s JOIN billing_accounts a ON a.id = s.billing_account_id
         WHERE s.recharge_enabled AND ${inServiceAt('$1')} ORDER BY s.billing_account_id`,
        [now]
    );
    return accounts.rows.map((row) => row.billing_account_id);
}
