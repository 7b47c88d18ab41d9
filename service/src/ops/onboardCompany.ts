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
import { addFundingSource } from '../funding/addFundingSource';
import type { UserDirectory } from '../kernel/caller';
import { serviceError } from '../kernel/serviceError';
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

/**
 * Setup → compute: checks the request against the company as it is and plans every account (no
 * change). Given a transaction, first waits for any other onboarding of the same org.
 */
export async function planOnboarding(
    db: Queryable,
    directory: UserDirectory,
    request: OnboardingRequest,
    now: Date,
    tx?: Tx
): Promise<OnboardingPlan> {
    if (tx !== undefined) await lockOnboarding(tx, request.orgId);
    const company = await findCompany(db, request.orgId);
    const taken = new Set(company === undefined ? [] : await accountNames(db, request.orgId));
    const administrators: string[] = [];
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
        await checkAdministrator(directory, request.orgId, administrator);
        administrators.push(administrator);
        accounts.push(planAccount(account, now));
    }
    return {
        orgId: request.orgId,
        companyName: company?.name ?? request.companyName,
        companyExists: company !== undefined,
        billingAdministratorUserIds: administrators,
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
async function checkAdministrator(directory: UserDirectory, orgId: string, userId: string): Promise<void> {
    const user = await directory.getUser(orgId, userId);
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
}

/**
 * Execute: the company (created once), each billing account, its first contract, its quantities,
 * its funding source, and its first month and implementation service charged now (primary, then
 * secondary) or added to the next cycle's bill. All in the caller's transaction.
 */
export async function applyOnboarding(
    tx: Tx,
    deps: MoneyDeps,
    input: { request: OnboardingRequest; plan: OnboardingPlan; now: Date; key: string; createdBy: string }
): Promise<OnboardedAccount[]> {
    const { request, plan, now } = input;
    await ensureCompany(tx, { orgId: plan.orgId, name: plan.companyName, now });
    const created: OnboardedAccount[] = [];
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
        created.push(
            await billFirstCharges(tx, deps, {
                accountId,
                account,
                now,
                key: `${input.key}:${index}`,
                createdBy: input.createdBy
            })
        );
    }
    return created;
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
        if (account.billing === 'now') {
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
        }
        for (const line of group.lines) {
            result.pendingChargeIds.push(
                await addPendingCharge(tx, { accountId, line, createdBy: input.createdBy, now })
            );
        }
    }
    return result;
}
