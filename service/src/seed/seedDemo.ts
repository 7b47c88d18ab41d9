import {
    addDays,
    addMonths,
    calendarDateIn,
    contractEndDate,
    firstOfMonth,
    LICENSE_CATALOG,
    LICENSE_CODES,
    toIsoDate
} from '../../../core/index';
import type { Pool, Tx } from '../db/pool';
import { withTransaction } from '../db/withTransaction';
import type { Clock } from '../kernel/clock';
import type { PaymentProcessor } from '../kernel/paymentProcessor';
import {
    DEMO_ACCOUNT_NAME,
    DEMO_ASSIGNMENTS,
    DEMO_LICENSES,
    DEMO_ORG_ID,
    DEMO_STORAGE_MB,
    DEMO_TIME_ZONE,
    DEMO_USERS
} from './demoCompany';
import { SEED_HOOKS } from './seedHooks';

export interface SeededDemo {
    orgId: string;
    accountId: string;
    created: boolean;
}

/**
 * The demo company, once: one billing account on a 12-month contract that started six months ago,
 * 20 directory users, quantities, assignments and a storage snapshot; then every seed hook (cards,
 * transactions, usage), each safe to run again.
 */
export async function seedDemo(pool: Pool, clock: Clock, processor: PaymentProcessor): Promise<SeededDemo> {
    const demo = await withTransaction(pool, async (tx) => {
        // Serialises two starts racing on an empty database.
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['seed-demo']);
        const existing = await tx.query<{ id: string }>(
            'SELECT id FROM billing_accounts WHERE org_id = $1 AND name = $2',
            [DEMO_ORG_ID, DEMO_ACCOUNT_NAME]
        );
        const found = existing.rows[0];
        if (found !== undefined) return { orgId: DEMO_ORG_ID, accountId: found.id, created: false };
        return { orgId: DEMO_ORG_ID, accountId: await createDemoCompany(tx, clock.now()), created: true };
    });
    for (const hook of SEED_HOOKS) {
        await hook({ pool, clock, processor, orgId: demo.orgId, accountId: demo.accountId });
    }
    return demo;
}

async function createDemoCompany(tx: Tx, now: Date): Promise<string> {
    await tx.query('INSERT INTO companies (org_id, name, created_at) VALUES ($1, $2, $3)', [
        DEMO_ORG_ID,
        'Acme Corporation',
        now
    ]);
    for (const user of DEMO_USERS) {
        const email = `${user.name.toLowerCase().replaceAll(' ', '.')}@acme.example`;
        await tx.query(
            'INSERT INTO directory_users (org_id, user_id, name, email, active, is_admin) VALUES ($1, $2, $3, $4, $5, $6)',
            [DEMO_ORG_ID, user.id, user.name, email, user.active, user.isAdmin]
        );
    }
    const installer = DEMO_USERS[0];
    const account = await tx.query<{ id: string }>(
        `INSERT INTO billing_accounts (org_id, name, time_zone, sms_rate_cents, billing_administrator_user_id, created_at)
         VALUES ($1, $2, $3, 1, $4, $5) RETURNING id`,
        [DEMO_ORG_ID, DEMO_ACCOUNT_NAME, DEMO_TIME_ZONE, installer?.id ?? null, now]
    );
    const accountId = account.rows[0]?.id;
    if (accountId === undefined) throw new Error('the demo account was not created');
    await createContract(tx, accountId, now);
    await createAssignments(tx, accountId, now);
    const yesterday = toIsoDate(addDays(calendarDateIn(now, DEMO_TIME_ZONE), -1));
    for (const [kind, megabytes] of Object.entries(DEMO_STORAGE_MB)) {
        await tx.query(
            'INSERT INTO storage_usage (billing_account_id, measured_on, kind, megabytes) VALUES ($1, $2, $3, $4)',
            [accountId, yesterday, kind, megabytes]
        );
    }
    return accountId;
}

async function createContract(tx: Tx, accountId: string, now: Date): Promise<void> {
    const start = toIsoDate(addMonths(firstOfMonth(calendarDateIn(now, DEMO_TIME_ZONE)), -6));
    const contract = await tx.query<{ id: string }>(
        'INSERT INTO contracts (billing_account_id, term_start, term_end, created_at) VALUES ($1, $2, $3, $4) RETURNING id',
        [accountId, start, contractEndDate(start, 12), now]
    );
    const contractId = contract.rows[0]?.id;
    for (const code of LICENSE_CODES) {
        const setup = DEMO_LICENSES[code];
        if (setup === undefined) continue;
        const { quantity, floor } = setup;
        const price = LICENSE_CATALOG[code].listPrice;
        await tx.query(
            'INSERT INTO contract_licenses (contract_id, license_code, floor, unit_price_cents) VALUES ($1, $2, $3, $4)',
            [contractId, code, floor, price]
        );
        await tx.query(
            'INSERT INTO license_quantities (billing_account_id, license_code, quantity, updated_at) VALUES ($1, $2, $3, $4)',
            [accountId, code, quantity, now]
        );
    }
}

async function createAssignments(tx: Tx, accountId: string, now: Date): Promise<void> {
    for (const [code, userNumbers] of Object.entries(DEMO_ASSIGNMENTS)) {
        for (const number of userNumbers) {
            const user = DEMO_USERS[number - 1];
            if (user === undefined) throw new Error(`demo user ${number} does not exist`);
            await tx.query(
                'INSERT INTO license_assignments (billing_account_id, user_id, license_code, assigned_at) VALUES ($1, $2, $3, $4)',
                [accountId, user.id, code, now]
            );
        }
    }
}
