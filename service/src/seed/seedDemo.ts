import {
    addDays,
    addMonths,
    calendarDateIn,
    firstOfMonth,
    LICENSE_CATALOG,
    isLicenseCode,
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
import { findAccountByName, insertDirectoryUser, insertStorageUsage, lockSeeding } from './seedRepository';
import { SEED_HOOKS } from './seedHooks';
import { localDirectory } from '../identity/directoryUserRepository';
import { saveAssignmentChanges } from '../licenses/licenseRepository';
import { fetchAdministrators, setUpOnboarding } from '../ops/onboardCompany';
import type { OnboardingRequest } from '../ops/schemas';

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
        const accountId = await createDemoCompany(tx, clock.now(), processor);
        return { orgId: DEMO_ORG_ID, accountId, created: true };
    });
    for (const hook of SEED_HOOKS) {
        await hook({ pool, clock, processor, orgId: demo.orgId, accountId: demo.accountId });
    }
    return demo;
}

/**
 * The demo company through the back office's onboarding use case (as a representative would sign
 * it up): 20 users in the local directory (the stand-in for the org's Salesforce users), then the
 * company, its account and its 12-month contract from six months ago, whose current month was
 * paid before (the seeded history has its cycle charge), then assignments and a storage snapshot.
 */
async function createDemoCompany(tx: Tx, now: Date, processor: PaymentProcessor): Promise<string> {
    for (const user of DEMO_USERS) {
        const email = `${user.name.toLowerCase().replaceAll(' ', '.')}@acme.example`;
        await insertDirectoryUser(tx, DEMO_ORG_ID, { ...user, email });
    }
    const request = demoOnboarding(now);
    // The local directory read in this transaction: the users inserted above are not committed yet.
    const administrators = await fetchAdministrators(localDirectory(tx), request);
    const setup = await setUpOnboarding(
        tx,
        { processor },
        { request, administrators, now, key: 'seed-demo', operatorName: 'seed', createdBy: 'seed' }
    );
    const account = setup.accountIds[0] === undefined ? undefined : { accountId: setup.accountIds[0] };
    if (account === undefined) throw new Error('the demo account was not created');
    await createAssignments(tx, account.accountId, now);
    const yesterday = toIsoDate(addDays(calendarDateIn(now, DEMO_TIME_ZONE), -1));
    for (const [kind, megabytes] of Object.entries(DEMO_STORAGE_MB)) {
        await insertStorageUsage(tx, {
            accountId: account.accountId,
            measuredOn: yesterday,
            kind,
            megabytes
        });
    }
    return account.accountId;
}

function demoOnboarding(now: Date): OnboardingRequest {
    const installer = DEMO_USERS[0];
    if (installer === undefined) throw new Error('the demo has no installing user');
    const licenses: OnboardingRequest['accounts'][number]['licenses'] = {};
    for (const code of LICENSE_CODES) {
        const setup = DEMO_LICENSES[code];
        if (setup === undefined) continue;
        licenses[code] = {
            quantity: setup.quantity,
            floor: setup.floor,
            unitPriceCents: LICENSE_CATALOG[code].listPrice
        };
    }
    return {
        orgId: DEMO_ORG_ID,
        companyName: 'Acme Corporation',
        installingUserId: installer.id,
        accounts: [
            {
                name: DEMO_ACCOUNT_NAME,
                timeZone: DEMO_TIME_ZONE,
                smsRateCents: 1,
                term: {
                    start: toIsoDate(addMonths(firstOfMonth(calendarDateIn(now, DEMO_TIME_ZONE)), -6)),
                    months: 12
                },
                licenses,
                firstMonth: 'paid_elsewhere'
            }
        ]
    };
}

/** Through the licenses repository, as the assignments use case saves them. */
async function createAssignments(tx: Tx, accountId: string, now: Date): Promise<void> {
    const added = Object.entries(DEMO_ASSIGNMENTS).flatMap(([code, userNumbers]) =>
        userNumbers.map((number) => {
            const user = DEMO_USERS[number - 1];
            if (user === undefined || !isLicenseCode(code))
                throw new Error(`demo assignment ${code} ${number} is wrong`);
            return { userId: user.id, license: code };
        })
    );
    await saveAssignmentChanges(tx, { accountId, added, removed: [], now });
}
