import { randomBytes } from 'node:crypto';
import type { DirectoryUser } from '../kernel/caller';
import type { Queryable } from '../db/pool';
import { withSalesforceChecksum } from '../salesforce/salesforceId';

export const TEST_NOW = new Date('2026-11-22T15:00:00Z');

/** A random 18-character Salesforce id (valid checksum) with the given key prefix ('00D' org, '005' user). */
export function salesforceId(prefix: string): string {
    return withSalesforceChecksum((prefix + randomBytes(12).toString('hex').toUpperCase()).slice(0, 15));
}

export async function makeCompany(
    db: Queryable,
    options: { orgId?: string; name?: string } = {}
): Promise<string> {
    const orgId = options.orgId ?? salesforceId('00D');
    await db.query(
        'INSERT INTO companies (org_id, name, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [orgId, options.name ?? 'Test Company', TEST_NOW]
    );
    return orgId;
}

export interface UserOptions {
    name?: string;
    active?: boolean;
    isAdmin?: boolean;
}

export async function makeUser(
    db: Queryable,
    orgId: string,
    options: UserOptions = {}
): Promise<DirectoryUser> {
    const id = salesforceId('005');
    const user: DirectoryUser = {
        id,
        name: options.name ?? `User ${id.slice(-4)}`,
        email: `${id.toLowerCase()}@example.com`,
        active: options.active ?? true,
        isAdmin: options.isAdmin ?? false
    };
    await db.query(
        'INSERT INTO directory_users (org_id, user_id, name, email, active, is_admin) VALUES ($1, $2, $3, $4, $5, $6)',
        [orgId, user.id, user.name, user.email, user.active, user.isAdmin]
    );
    return user;
}

export interface LicenseSetup {
    quantity: number;
    floor?: number;
    unitPriceCents?: number;
    /** How many of the account's users (first ones first) hold it. */
    assignedTo?: number;
}

export interface AccountOptions {
    orgId?: string;
    name?: string;
    timeZone?: string;
    /** Active users in the org's directory; the first is an admin. Default 5. */
    users?: number;
    termStart?: string;
    termEnd?: string;
    licenses?: Record<string, LicenseSetup>;
}

export interface TestAccount {
    orgId: string;
    accountId: string;
    contractId: string;
    admin: DirectoryUser;
    users: DirectoryUser[];
}

export const DEFAULT_UNIT_PRICES: Record<string, number> = {
    CRM: 6500,
    CRM_VIEW: 1500,
    ADMIN_ONLY: 2500,
    DIALER_TAB: 2000,
    DIALER: 9900,
    FLEX_PORT: 4000,
    RECORDING_PORT: 3000,
    INBOUND: 3500,
    FAX: 1000,
    ELF: 2500,
    RECORDING: 5000,
    TOLL_FREE: 1500
};

/** A company (new unless `orgId` is given) with one billing account, a contract, users, quantities and assignments. */
export async function makeAccount(db: Queryable, options: AccountOptions = {}): Promise<TestAccount> {
    const orgId = await makeCompany(db, options.orgId === undefined ? {} : { orgId: options.orgId });
    const account = await db.query<{ id: string }>(
        `INSERT INTO billing_accounts (org_id, name, time_zone, created_at) VALUES ($1, $2, $3, $4) RETURNING id`,
        [orgId, options.name ?? 'Test Account', options.timeZone ?? 'America/New_York', TEST_NOW]
    );
    const accountId = firstRow(account.rows).id;
    const users: DirectoryUser[] = [];
    for (let index = 0; index < (options.users ?? 5); index++) {
        users.push(await makeUser(db, orgId, { isAdmin: index === 0 }));
    }
    const admin = users[0] ?? (await makeUser(db, orgId, { isAdmin: true }));
    await db.query('UPDATE billing_accounts SET billing_administrator_user_id = $2 WHERE id = $1', [
        accountId,
        admin.id
    ]);
    const contract = await db.query<{ id: string }>(
        'INSERT INTO contracts (billing_account_id, term_start, term_end, created_at) VALUES ($1, $2, $3, $4) RETURNING id',
        [accountId, options.termStart ?? '2026-06-01', options.termEnd ?? '2027-05-31', TEST_NOW]
    );
    const contractId = firstRow(contract.rows).id;
    const licenses = options.licenses ?? { CRM: { quantity: users.length, assignedTo: users.length } };
    for (const [code, setup] of Object.entries(licenses)) {
        await setUpLicense(db, { accountId, contractId, code, setup, users });
    }
    return { orgId, accountId, contractId, admin, users };
}

async function setUpLicense(
    db: Queryable,
    input: {
        accountId: string;
        contractId: string;
        code: string;
        setup: LicenseSetup;
        users: DirectoryUser[];
    }
): Promise<void> {
    const { accountId, contractId, code, setup } = input;
    await db.query(
        'INSERT INTO contract_licenses (contract_id, license_code, floor, unit_price_cents) VALUES ($1, $2, $3, $4)',
        [contractId, code, setup.floor ?? 0, setup.unitPriceCents ?? DEFAULT_UNIT_PRICES[code] ?? 1000]
    );
    await db.query(
        'INSERT INTO license_quantities (billing_account_id, license_code, quantity, updated_at) VALUES ($1, $2, $3, $4)',
        [accountId, code, setup.quantity, TEST_NOW]
    );
    for (const user of input.users.slice(0, setup.assignedTo ?? 0)) {
        await db.query(
            'INSERT INTO license_assignments (billing_account_id, user_id, license_code, assigned_at) VALUES ($1, $2, $3, $4)',
            [accountId, user.id, code, TEST_NOW]
        );
    }
}

function firstRow<T>(rows: T[]): T {
    const [row] = rows;
    if (row === undefined) throw new Error('INSERT … RETURNING returned no row');
    return row;
}
