import {
    addMonths,
    calendarDateIn,
    firstOfMonth,
    monthlyRecurring,
    SERVICE_CATALOG,
    sumCents,
    toIsoDate,
    type Cents,
    type IsoDate,
    type LicenseQuantities
} from '../../../core/index';
import type { Queryable, Tx } from '../db/pool';
import { fetchedOutside, needOutsideWork, withTransaction } from '../db/withTransaction';
import { addFundingSource } from '../funding/addFundingSource';
import type { DirectoryUser, UserDirectory } from '../kernel/caller';
import { isServiceError, serviceError } from '../kernel/serviceError';
import { saveQuantities } from '../licenses/licenseRepository';
import type { MoneyDeps, PurchaseLine } from '../transactions/recordPurchase';
import { chargeNow } from './chargeNow';
import {
    accountNames,
    ensureCompany,
    findCompany,
    insertBillingAccount,
    lockOnboarding
} from './companyRepository';
import { insertContract } from './contractRepository';
import {
    findOnboardingSetup,
    insertOnboardingSetup,
    type OnboardingSetup
} from './onboardingSetupRepository';
import { opsError } from './opsError';
import { addPendingCharge } from './pendingChargeRepository';
import {
    checkQuantitiesMeetFloors,
    contractLicenses,
    firstMonthLines,
    resolveTerm,
    type PlannedContract
} from './planContract';
import type { AccountOnboarding, OnboardingRequest } from './schemas';

/** How the first charges of a new account are paid: now on its source, on the next bill, or not at all. */
export type FirstBilling = 'now' | 'next_cycle' | 'none';

export interface AccountPlan {
    name: string;
    timeZone: string;
    contract: PlannedContract;
    quantities: LicenseQuantities;
    /** R3.4: the first month, prorated from the start day, as the cycle would bill it. */
    firstMonthLines: PurchaseLine[];
    implementationLines: PurchaseLine[];
    billing: FirstBilling;
    dueNowCents: Cents;
    monthlyRecurringCents: Cents;
}

export interface OnboardingPlan {
    orgId: string;
    companyName: string;
    companyExists: boolean;
    billingAdministratorUserIds: string[];
    accounts: AccountPlan[];
}

/** What the directory says of each billing administrator the request names (asked with no lock held). */
export type Administrators = ReadonlyMap<string, DirectoryUser | undefined>;

/** Asks the directory (Salesforce, or the local one) about each administrator of the request. */
export async function fetchAdministrators(
    directory: UserDirectory,
    request: OnboardingRequest
): Promise<Administrators> {
    const ids = new Set(
        request.accounts.map((account) => account.billingAdministratorUserId ?? request.installingUserId)
    );
    const users = new Map<string, DirectoryUser | undefined>();
    for (const id of ids) users.set(id, await directory.getUser(request.orgId, id));
    return users;
}

/** Setup → compute: checks the request against the company as it is and plans every account (no change). */
export async function planOnboarding(
    db: Queryable,
    administrators: Administrators,
    request: OnboardingRequest,
    now: Date
): Promise<OnboardingPlan> {
    const company = await findCompany(db, request.orgId);
    const taken = new Set(company === undefined ? [] : await accountNames(db, request.orgId));
    const chosen: string[] = [];
    const accounts: AccountPlan[] = [];
    for (const account of request.accounts) {
        if (taken.has(account.name)) {
            throw opsError(
                'account_name_taken',
                `The company already has an account named "${account.name}".`
            );
        }
        taken.add(account.name);
        const administrator = account.billingAdministratorUserId ?? request.installingUserId;
        checkAdministrator(administrators.get(administrator), request.orgId, administrator);
        chosen.push(administrator);
        accounts.push(planAccount(account, now));
    }
    return {
        orgId: request.orgId,
        companyName: company?.name ?? request.companyName,
        companyExists: company !== undefined,
        billingAdministratorUserIds: chosen,
        accounts
    };
}

function planAccount(account: AccountOnboarding, now: Date): AccountPlan {
    const term = resolveTerm(account.term);
    const { floors, prices } = contractLicenses(account.licenses);
    const quantities: LicenseQuantities = Object.fromEntries(
        Object.entries(account.licenses).map(([code, terms]) => [code, terms.quantity ?? terms.floor ?? 0])
    );
    checkQuantitiesMeetFloors(quantities, floors);
    const firstMonth = firstMonthLines({
        now,
        timeZone: account.timeZone,
        start: term.start,
        quantities,
        prices
    });
    const lines = account.firstMonth === 'paid_elsewhere' ? [] : firstMonth;
    const implementationLines = implementationLine(account);
    const due = sumCents([...lines, ...implementationLines].map((line) => line.amountCents));
    return {
        name: account.name,
        timeZone: account.timeZone,
        contract: { ...term, floors, prices },
        quantities,
        firstMonthLines: lines,
        implementationLines,
        billing: due === 0 ? 'none' : account.fundingSource === undefined ? 'next_cycle' : 'now',
        dueNowCents: account.fundingSource === undefined ? 0 : due,
        monthlyRecurringCents: monthlyRecurring(quantities, prices).total
    };
}

function implementationLine(account: AccountOnboarding): PurchaseLine[] {
    const chosen = account.implementationService;
    if (chosen === undefined) return [];
    const service = SERVICE_CATALOG[chosen.code];
    const price = chosen.unitPriceCents ?? service.price ?? 0;
    if (price === 0) return [];
    return [
        {
            productCode: service.code,
            description: service.name,
            quantity: 1,
            unitPriceCents: price,
            amountCents: price
        }
    ];
}

/** R1.3: the billing administrator is an active Salesforce admin of the org. */
function checkAdministrator(user: DirectoryUser | undefined, orgId: string, userId: string): void {
    if (user === undefined) {
        throw serviceError(
            'unknown_user',
            `There is no user ${userId} in the org ${orgId}; register the org first.`
        );
    }
    if (!user.active || !user.isAdmin) {
        throw serviceError(
            'not_an_admin',
            `${user.name} is not an active Salesforce admin, so cannot administer billing (R1.3).`
        );
    }
}

export interface OnboardedAccount {
    accountId: string;
    name: string;
    billing: FirstBilling;
    transactionNumbers: string[];
    chargedCents: Cents;
    pendingChargeIds: string[];
    /** Every source declined the first charge: it is recorded as failed and what was due is on the next bill. */
    declined?: { transactionNumber: string | null; declineCode: string };
}

/** What onboarding needs from outside: the database, the processor, the directory. */
export interface OnboardingDeps extends MoneyDeps {
    directory: UserDirectory;
}

export interface OnboardingInput {
    request: OnboardingRequest;
    now: Date;
    /** The operator's Idempotency-Key, and whose it is: the setup is found again by both. */
    key: string;
    operatorName: string;
    createdBy: string;
}

/**
 * Execute, charge after commit (issue 9): the accounts must exist, committed, before their first
 * charge is recorded pending and sent. So the first run of the operator's transaction (`tx`, from
 * withTransaction, the org's onboarding lock held) checks the request, then gives the transaction
 * up: the directory is asked and the setup (company, accounts, contracts, quantities, funding
 * sources, tokenized outside any transaction) commits on its own, under the operator's key. The
 * next run finds that setup and bills it; a retry of the same key later (after a crash, a 503, a
 * pending payment) finds it too, so nothing is set up twice.
 */
export async function applyOnboarding(
    tx: Tx,
    deps: OnboardingDeps,
    input: OnboardingInput
): Promise<{ plan: OnboardingPlan; accounts: OnboardedAccount[] }> {
    await lockOnboarding(tx, input.request.orgId);
    const setup =
        (await findOnboardingSetup<OnboardingPlan>(tx, input.operatorName, input.key)) ??
        (await setUpOutside(tx, deps, input));
    const accounts: OnboardedAccount[] = [];
    for (const [index, account] of setup.plan.accounts.entries()) {
        const accountId = setup.accountIds[index];
        if (accountId === undefined) throw new Error('the onboarding setup does not match its plan');
        accounts.push(
            await billFirstCharges(tx, deps, {
                accountId,
                account,
                now: input.now,
                key: `${input.key}:${index}`,
                createdBy: input.createdBy
            })
        );
    }
    return { plan: setup.plan, accounts };
}

async function setUpOutside(tx: Tx, deps: OnboardingDeps, input: OnboardingInput): Promise<never> {
    const administrators = await fetchedOutside(tx, 'onboarding.administrators', () =>
        fetchAdministrators(deps.directory, input.request)
    );
    // Refuses a request that cannot be onboarded before anything is tokenized or written.
    await planOnboarding(tx, administrators, input.request, input.now);
    return needOutsideWork(async () => {
        await withTransaction(deps.pool, (setupTx) =>
            setUpOnboarding(setupTx, deps, { ...input, administrators })
        );
    });
}

/**
 * The company (created once), each account, its first contract, its quantities and its funding
 * source, recorded under the operator's key (the setup of that key when it was made before).
 * Charges nothing: see applyOnboarding. `tx` comes from withTransaction (sources are tokenized outside it).
 */
export async function setUpOnboarding(
    tx: Tx,
    deps: Pick<MoneyDeps, 'processor'>,
    input: OnboardingInput & { administrators: Administrators }
): Promise<OnboardingSetup<OnboardingPlan>> {
    const { request, now } = input;
    await lockOnboarding(tx, request.orgId);
    const earlier = await findOnboardingSetup<OnboardingPlan>(tx, input.operatorName, input.key);
    if (earlier !== undefined) return earlier;
    const plan = await planOnboarding(tx, input.administrators, request, now);
    await ensureCompany(tx, { orgId: plan.orgId, name: plan.companyName, now });
    const accountIds: string[] = [];
    for (const [index, account] of plan.accounts.entries()) {
        const source = request.accounts[index];
        const administrator = plan.billingAdministratorUserIds[index];
        if (source === undefined || administrator === undefined)
            throw new Error('the plan does not match the request');
        const accountId = await insertBillingAccount(tx, {
            orgId: plan.orgId,
            name: account.name,
            timeZone: account.timeZone,
            smsRateCents: source.smsRateCents ?? 1,
            billingAdministratorUserId: administrator,
            now
        });
        await insertContract(tx, {
            accountId,
            contract: account.contract,
            changeKind: 'initial',
            effectiveOn: account.contract.start,
            replacesContractId: null,
            now
        });
        await saveQuantities(tx, {
            accountId,
            before: {},
            after: account.quantities,
            now,
            today: toIsoDate(calendarDateIn(now, account.timeZone)),
            nextCycleDate: nextCycleDate(now, account.timeZone)
        });
        if (source.fundingSource !== undefined) {
            await addFundingSource(tx, deps.processor, { accountId, details: source.fundingSource, now });
        }
        accountIds.push(accountId);
    }
    await insertOnboardingSetup(tx, {
        operatorName: input.operatorName,
        key: input.key,
        orgId: plan.orgId,
        plan,
        accountIds,
        now
    });
    return { plan, accountIds };
}

function nextCycleDate(now: Date, timeZone: string): IsoDate {
    return toIsoDate(addMonths(firstOfMonth(calendarDateIn(now, timeZone)), 1));
}

async function billFirstCharges(
    tx: Tx,
    deps: MoneyDeps,
    input: { accountId: string; account: AccountPlan; now: Date; key: string; createdBy: string }
): Promise<OnboardedAccount> {
    const { accountId, account, now } = input;
    const result: OnboardedAccount = {
        accountId,
        name: account.name,
        billing: account.billing,
        transactionNumbers: [],
        chargedCents: 0,
        pendingChargeIds: []
    };
    const groups = [
        { kind: 'licenses', lines: account.firstMonthLines, suffix: 'first-month' },
        { kind: 'services', lines: account.implementationLines, suffix: 'implementation' }
    ] as const;
    for (const group of groups) {
        if (group.lines.length === 0) continue;
        if (result.billing === 'now') {
            try {
                const purchase = await chargeNow(tx, deps, {
                    accountId,
                    kind: group.kind,
                    lines: group.lines,
                    idempotencyKey: `ops:${input.key}:${group.suffix}`,
                    now
                });
                result.transactionNumbers.push(purchase.number);
                result.chargedCents += purchase.totalCents;
                continue;
            } catch (error) {
                if (!isServiceError(error, 'payment_declined')) throw error;
                // The account is set up (committed before the charge): what was due goes on the next
                // bill, as without a source, and no other charge is tried on the declined sources.
                const details = error.details as { transactionNumber?: string | null; declineCode?: string };
                result.billing = 'next_cycle';
                result.declined = {
                    transactionNumber: details.transactionNumber ?? null,
                    declineCode: details.declineCode ?? 'declined'
                };
            }
        }
        for (const line of group.lines) {
            result.pendingChargeIds.push(
                await addPendingCharge(tx, { accountId, line, createdBy: input.createdBy, now })
            );
        }
    }
    return result;
}
