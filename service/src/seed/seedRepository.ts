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

export async function insertCompany(
    tx: Tx,
    company: { orgId: string; name: string; now: Date }
): Promise<void> {
    await tx.query('INSERT INTO companies (org_id, name, created_at) VALUES ($1, $2, $3)', [
        company.orgId,
        company.name,
        company.now
    ]);
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

export async function insertBillingAccount(
    tx: Tx,
    account: { orgId: string; name: string; timeZone: string; administratorUserId: string | null; now: Date }
): Promise<string | undefined> {
    const inserted = await tx.query<{ id: string }>(
        `INSERT INTO billing_accounts (org_id, name, time_zone, sms_rate_cents, billing_administrator_user_id, created_at)
         VALUES ($1, $2, $3, 1, $4, $5) RETURNING id`,
        [account.orgId, account.name, account.timeZone, account.administratorUserId, account.now]
    );
    return inserted.rows[0]?.id;
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

export async function insertContract(
    tx: Tx,
    contract: { accountId: string; start: string; end: string; now: Date }
): Promise<string | undefined> {
    const inserted = await tx.query<{ id: string }>(
        'INSERT INTO contracts (billing_account_id, term_start, term_end, created_at) VALUES ($1, $2, $3, $4) RETURNING id',
        [contract.accountId, contract.start, contract.end, contract.now]
    );
    return inserted.rows[0]?.id;
}

export async function insertContractLicense(
    tx: Tx,
    line: { contractId: string | undefined; code: string; floor: number; unitPriceCents: number }
): Promise<void> {
    await tx.query(
        'INSERT INTO contract_licenses (contract_id, license_code, floor, unit_price_cents) VALUES ($1, $2, $3, $4)',
        [line.contractId, line.code, line.floor, line.unitPriceCents]
    );
}

export async function insertLicenseQuantity(
    tx: Tx,
    row: { accountId: string; code: string; quantity: number; now: Date }
): Promise<void> {
    await tx.query(
        'INSERT INTO license_quantities (billing_account_id, license_code, quantity, updated_at) VALUES ($1, $2, $3, $4)',
        [row.accountId, row.code, row.quantity, row.now]
    );
}

export async function insertLicenseAssignment(
    tx: Tx,
    row: { accountId: string; userId: string; code: string; now: Date }
): Promise<void> {
    await tx.query(
        'INSERT INTO license_assignments (billing_account_id, user_id, license_code, assigned_at) VALUES ($1, $2, $3, $4)',
        [row.accountId, row.userId, row.code, row.now]
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
