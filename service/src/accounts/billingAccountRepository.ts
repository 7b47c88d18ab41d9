import type { Queryable, Tx } from '../db/pool';
import { notFound } from '../http/serviceError';

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
 * SQL: the account (alias `a`) is still in service at the instant `$now`: active, or cancelling with
 * its effective date not yet past in its own time zone (R4.3: cancelling takes effect at term end).
 */
export function inServiceAt(now: string): string {
    return `(a.status = 'active' OR (a.status = 'cancelling' AND a.cancel_effective_on >= (${now}::timestamptz AT TIME ZONE a.time_zone)::date))`;
}

const COLUMNS = `id, org_id, name, time_zone, sms_rate_cents, status, billing_administrator_user_id,
    cancel_requested_at, to_char(cancel_effective_on, 'YYYY-MM-DD') AS cancel_effective_on`;

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
    accountId: string
): Promise<BillingAccount> {
    const result = await db.query<Row>(
        `SELECT ${COLUMNS} FROM billing_accounts WHERE org_id = $1 AND id = $2`,
        [orgId, accountId]
    );
    return toAccount(result.rows[0]);
}

/**
 * Locks the account row (`FOR UPDATE`) for the rest of the transaction: every mutation of an
 * account takes this lock first, so two admins' changes to one account run one after the other.
 */
export async function lockBillingAccount(tx: Tx, orgId: string, accountId: string): Promise<BillingAccount> {
    const result = await tx.query<Row>(
        `SELECT ${COLUMNS} FROM billing_accounts WHERE org_id = $1 AND id = $2 FOR UPDATE`,
        [orgId, accountId]
    );
    return toAccount(result.rows[0]);
}

export async function listBillingAccounts(db: Queryable, orgId: string): Promise<BillingAccount[]> {
    const result = await db.query<Row>(
        `SELECT ${COLUMNS} FROM billing_accounts WHERE org_id = $1 ORDER BY name, id`,
        [orgId]
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
