import {
    calendarDateIn,
    findLicensesHeldByInactiveUsers,
    floorOf,
    LICENSE_CATALOG,
    LICENSE_CODES,
    monthlyRecurring,
    multiplyCents,
    quantityOf,
    type LicenseCode
} from '../../../core/index';
import type { BillingAccount } from '../accounts/billingAccountRepository';
import type { Queryable } from '../db/pool';
import type { UserDirectory } from '../kernel/caller';
import type { z } from 'zod';
import {
    countHolders,
    loadAssignments,
    loadContractTerms,
    loadInUse,
    loadQuantities,
    loadRefusals30Days
} from './licenseRepository';
import type { licensesResponseSchema } from './schemas';
import { listConnectedTollFreeLines } from './tollFreeLineRepository';

export type LicensesView = z.infer<typeof licensesResponseSchema>;

/** R2, R3: per license what is paid for, who holds it, what is in use, its price, floor and waste (R2.7). */
export async function listLicenses(
    db: Queryable,
    directory: UserDirectory,
    account: BillingAccount,
    now: Date
): Promise<LicensesView> {
    const [{ contract, prices }, quantities, assignments, inUse, refusals, users, tollFreeLines] =
        await Promise.all([
            loadContractTerms(db, account.id, now),
            loadQuantities(db, account.id),
            loadAssignments(db, account.id),
            loadInUse(db, account.id, now),
            loadRefusals30Days(db, account.id, now),
            directory.listUsers(account.orgId),
            listConnectedTollFreeLines(db, account.id)
        ]);
    const holders = countHolders(assignments);
    const inactiveIds = users.filter((user) => !user.active).map((user) => user.id);
    const wasted = countHolders(findLicensesHeldByInactiveUsers(inactiveIds, assignments));
    const today = calendarDateIn(now, account.timeZone);
    const shown = LICENSE_CODES.filter(
        (code) => quantityOf(quantities, code) > 0 || contract?.floors[code] !== undefined
    );
    return {
        accountId: account.id,
        contract: contract === null ? null : { start: contract.start, end: contract.end },
        licenses: shown.map((code: LicenseCode) => {
            const definition = LICENSE_CATALOG[code];
            const purchased = quantityOf(quantities, code);
            const unitPriceCents = prices[code] ?? definition.listPrice;
            return {
                code,
                name: definition.name,
                kind: definition.kind,
                purchased,
                assigned: holders[code] ?? 0,
                inUse: inUse[code] ?? 0,
                refusals30Days: refusals[code] ?? 0,
                unitPriceCents,
                lineTotalCents: multiplyCents(unitPriceCents, purchased),
                floor: floorOf(contract, code, today),
                heldByInactiveUsers: wasted[code] ?? 0
            };
        }),
        recurringTotalCents: monthlyRecurring(quantities, prices).total,
        tollFreeLines
    };
}
