import type { Queryable, Tx } from '../db/pool';
import { notFound } from '../kernel/serviceError';

export interface BillingAccount {
    id: string;
    orgId: string;
    name: string;
    timeZone: string;
    smsRateCents: number;
    status: 'active' | 'cancelling' | 'cancelled';
    billingAdministratorUserId: string | null;
    cancelRequestedAt: Date | null;
    cancelEffectiveOn: string | null;
}

/**
 * SQL: the status of the account (alias `a`) at the instant `$now`, the one place it is decided.
 * R4.3: a cancelling account is cancelled once its effective date (the last day of its term) has
 * passed in its own time zone; the stored row keeps 'cancelling' and that date.
 */
export function statusAt(now: string): string {
    return `(CASE WHEN a.status = 'cancelling' AND a.cancel_effective_on < (${now}::timestamptz AT TIME ZONE a.time_zone)::date
             THEN 'cancelled' ELSE a.status END)`;
}

/** SQL: the account (alias `a`) is still in service (billed, recharged) at the instant `$now`. */
export function inServiceAt(now: string): string {
    return `(${statusAt(now)} <> 'cancelled')`;
}

/** The columns of `billing_accounts a`, with the status at the instant `$now`. */
function columns(now: string): string {
    return `a.id, a.org_id, a.name, a.time_zone, a.sms_rate_cents, ${statusAt(now)} AS status,
        a.billing_administrator_user_id, a.cancel_requested_at,
        to_char(a.cancel_effective_on, 'YYYY-MM-DD') AS cancel_effective_on`;
}

interface Row {
    id: string;
    org_id: string;
    name: string;
    time_zone: string;
    sms_rate_cents: number;
    status: BillingAccount['status'];
    billing_administrator_user_id: string | null;
    cancel_requested_at: Date | null;
    cancel_effective_on: string | null;
}

/** The caller's billing account, or 404 (an account of another company is never found, R1.2). */
export async function findBillingAccount(
    db: Queryable,
    orgId: string,
    accountId: string,
    now: Date
): Promise<BillingAccount> {
    const result = await db.query<Row>(
        `SELECT ${columns('$3')} FROM billing_accounts a WHERE a.org_id = $1 AND a.id = $2`,
        [orgId, accountId, now]
    );
    return toAccount(result.rows[0]);
}

/**
 * Locks the account row (`FOR UPDATE`) for the rest of the transaction: every mutation of an
 * account takes this lock first, so two admins' changes to one account run one after the other.
 */
export async function lockBillingAccount(
    tx: Tx,
    orgId: string,
    accountId: string,
    now: Date
): Promise<BillingAccount> {
    const result = await tx.query<Row>(
        `SELECT ${columns('$3')} FROM billing_accounts a WHERE a.org_id = $1 AND a.id = $2 FOR UPDATE`,
        [orgId, accountId, now]
    );
    return toAccount(result.rows[0]);
}

export async function listBillingAccounts(
    db: Queryable,
    orgId: string,
    now: Date
): Promise<BillingAccount[]> {
    const result = await db.query<Row>(
        `SELECT ${columns('$2')} FROM billing_accounts a WHERE a.org_id = $1 ORDER BY a.name, a.id`,
        [orgId, now]
    );
    return result.rows.map((row) => toAccount(row));
}

function toAccount(row: Row | undefined): BillingAccount {
    if (row === undefined) throw notFound('billing account');
    return {
        id: row.id,
        orgId: row.org_id,
        name: row.name,
        timeZone: row.time_zone,
        smsRateCents: row.sms_rate_cents,
        status: row.status,
        billingAdministratorUserId: row.billing_administrator_user_id,
        cancelRequestedAt: row.cancel_requested_at,
        cancelEffectiveOn: row.cancel_effective_on
    };
}

/** R4.3: the account is `cancelling` from now until its effective date. */
export async function markCancelling(
    tx: Tx,
    accountId: string,
    request: { at: Date; by: string; effectiveOn: string }
): Promise<void> {
    await tx.query(
        `UPDATE billing_accounts SET status = 'cancelling', cancel_requested_at = $2, cancel_requested_by = $3,
                cancel_effective_on = $4 WHERE id = $1`,
        [accountId, request.at, request.by, request.effectiveOn]
    );
}

/** Locks the account if it is in service at `now` (R4.3: a cancelling one until its effective date). */
export async function lockAccountInService(
    tx: Tx,
    accountId: string,
    now: Date
): Promise<{ id: string; time_zone: string } | undefined> {
    const locked = await tx.query<{ id: string; time_zone: string }>(
        `SELECT a.id, a.time_zone FROM billing_accounts a WHERE a.id = $1 AND ${inServiceAt('$2')} FOR UPDATE`,
        [accountId, now]
    );
    return locked.rows[0];
}

/** R1.3: who receives the account's billing notices from now on. */
export async function setBillingAdministrator(
    db: Queryable,
    accountId: string,
    userId: string
): Promise<void> {
    await db.query('UPDATE billing_accounts SET billing_administrator_user_id = $2 WHERE id = $1', [
        accountId,
        userId
    ]);
}
