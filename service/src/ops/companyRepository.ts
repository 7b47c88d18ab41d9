import type { Queryable, Tx } from '../db/pool';

export interface Company {
    orgId: string;
    name: string;
}

export async function findCompany(db: Queryable, orgId: string): Promise<Company | undefined> {
    const result = await db.query<{ org_id: string; name: string }>(
        'SELECT org_id, name FROM companies WHERE org_id = $1',
        [orgId]
    );
    const row = result.rows[0];
    return row === undefined ? undefined : { orgId: row.org_id, name: row.name };
}

/** Creates the company once; an existing one keeps its name. Locks it for the rest of the transaction. */
export async function ensureCompany(
    tx: Tx,
    input: { orgId: string; name: string; now: Date }
): Promise<Company> {
    await tx.query(
        'INSERT INTO companies (org_id, name, created_at) VALUES ($1, $2, $3) ON CONFLICT (org_id) DO NOTHING',
        [input.orgId, input.name, input.now]
    );
    const result = await tx.query<{ org_id: string; name: string }>(
        'SELECT org_id, name FROM companies WHERE org_id = $1 FOR UPDATE',
        [input.orgId]
    );
    const row = result.rows[0];
    if (row === undefined) throw new Error(`company ${input.orgId} was not written`);
    return { orgId: row.org_id, name: row.name };
}

/** Serialises onboardings of one org (its account names are checked, then written). */
export async function lockOnboarding(tx: Tx, orgId: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`onboarding:${orgId}`]);
}

/** Names of the company's billing accounts (unique within a company). */
export async function accountNames(db: Queryable, orgId: string): Promise<string[]> {
    const result = await db.query<{ name: string }>('SELECT name FROM billing_accounts WHERE org_id = $1', [
        orgId
    ]);
    return result.rows.map((row) => row.name);
}

export async function insertBillingAccount(
    tx: Tx,
    input: {
        orgId: string;
        name: string;
        timeZone: string;
        smsRateCents: number;
        billingAdministratorUserId: string;
        now: Date;
    }
): Promise<string> {
    const result = await tx.query<{ id: string }>(
        `INSERT INTO billing_accounts (org_id, name, time_zone, sms_rate_cents, billing_administrator_user_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [
            input.orgId,
            input.name,
            input.timeZone,
            input.smsRateCents,
            input.billingAdministratorUserId,
            input.now
        ]
    );
    const id = result.rows[0]?.id;
    if (id === undefined) throw new Error('the billing account was not written');
    return id;
}
