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
import {
    findAccountByName,
    insertBillingAccount,
    insertCompany,
    insertContract,
    insertContractLicense,
    insertDirectoryUser,
    insertLicenseAssignment,
    insertLicenseQuantity,
    insertStorageUsage,
    lockSeeding
} from './seedRepository';
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
        await lockSeeding(tx, 'seed-demo');
        const found = await findAccountByName(tx, DEMO_ORG_ID, DEMO_ACCOUNT_NAME);
        if (found !== undefined) return { orgId: DEMO_ORG_ID, accountId: found, created: false };
        return { orgId: DEMO_ORG_ID, accountId: await createDemoCompany(tx, clock.now()), created: true };
    });
    for (const hook of SEED_HOOKS) {
        await hook({ pool, clock, processor, orgId: demo.orgId, accountId: demo.accountId });
    }
    return demo;
}

async function createDemoCompany(tx: Tx, now: Date): Promise<string> {
    await insertCompany(tx, { orgId: DEMO_ORG_ID, name: 'Acme Corporation', now });
    for (const user of DEMO_USERS) {
        const email = `${user.name.toLowerCase().replaceAll(' ', '.')}@acme.example`;
        await insertDirectoryUser(tx, DEMO_ORG_ID, { ...user, email });
    }
    const installer = DEMO_USERS[0];
    const accountId = await insertBillingAccount(tx, {
        orgId: DEMO_ORG_ID,
        name: DEMO_ACCOUNT_NAME,
        timeZone: DEMO_TIME_ZONE,
        administratorUserId: installer?.id ?? null,
        now
    });
    if (accountId === undefined) throw new Error('the demo account was not created');
    await createContract(tx, accountId, now);
    await createAssignments(tx, accountId, now);
    const yesterday = toIsoDate(addDays(calendarDateIn(now, DEMO_TIME_ZONE), -1));
    for (const [kind, megabytes] of Object.entries(DEMO_STORAGE_MB)) {
        await insertStorageUsage(tx, { accountId, measuredOn: yesterday, kind, megabytes });
    }
    return accountId;
}

async function createContract(tx: Tx, accountId: string, now: Date): Promise<void> {
    const start = toIsoDate(addMonths(firstOfMonth(calendarDateIn(now, DEMO_TIME_ZONE)), -6));
    const contractId = await insertContract(tx, { accountId, start, end: contractEndDate(start, 12), now });
    for (const code of LICENSE_CODES) {
        const setup = DEMO_LICENSES[code];
        if (setup === undefined) continue;
        const { quantity, floor } = setup;
        const price = LICENSE_CATALOG[code].listPrice;
        await insertContractLicense(tx, { contractId, code, floor, unitPriceCents: price });
        await insertLicenseQuantity(tx, { accountId, code, quantity, now });
    }
}

async function createAssignments(tx: Tx, accountId: string, now: Date): Promise<void> {
    for (const [code, userNumbers] of Object.entries(DEMO_ASSIGNMENTS)) {
        for (const number of userNumbers) {
            const user = DEMO_USERS[number - 1];
            if (user === undefined) throw new Error(`demo user ${number} does not exist`);
            await insertLicenseAssignment(tx, { accountId, userId: user.id, code, now });
        }
    }
}
