import type { Queryable, Tx } from '../db/pool';

/** The rows the demo company is made of, written once on an empty database (local mode). */

/** Serialises seeders racing on an empty database, until the transaction ends. */
export async function lockSeeding(tx: Tx, name: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [name]);
}

export async function findAccountByName(
    db: Queryable,
    orgId: string,
    name: string
): Promise<string | undefined> {
    const existing = await db.query<{ id: string }>(
        'SELECT id FROM billing_accounts WHERE org_id = $1 AND name = $2',
        [orgId, name]
    );
    return existing.rows[0]?.id;
}

export async function insertDirectoryUser(
    tx: Tx,
    orgId: string,
    user: { id: string; name: string; email: string; active: boolean; isAdmin: boolean }
): Promise<void> {
    await tx.query(
        'INSERT INTO directory_users (org_id, user_id, name, email, active, is_admin) VALUES ($1, $2, $3, $4, $5, $6)',
        [orgId, user.id, user.name, user.email, user.active, user.isAdmin]
    );
}

export async function insertStorageUsage(
    tx: Tx,
    usage: { accountId: string; measuredOn: string; kind: string; megabytes: number }
): Promise<void> {
    await tx.query(
        'INSERT INTO storage_usage (billing_account_id, measured_on, kind, megabytes) VALUES ($1, $2, $3, $4)',
        [usage.accountId, usage.measuredOn, usage.kind, usage.megabytes]
    );
}

/** The account's price of one text message. */
export async function smsRateOf(db: Queryable, accountId: string): Promise<number | undefined> {
    const rate = await db.query<{ sms_rate_cents: number }>(
        'SELECT sms_rate_cents FROM billing_accounts WHERE id = $1',
        [accountId]
    );
    return rate.rows[0]?.sms_rate_cents;
}
