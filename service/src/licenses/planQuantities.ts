import {
    planQuantityChange,
    type LicenseQuantities,
    type QuantityChangePlan,
    type Result
} from '../../../core/index';
import type { BillingAccount } from '../accounts/billingAccountRepository';
import type { Queryable } from '../db/pool';
import {
    countHolders,
    loadAssignments,
    loadContractTerms,
    loadPaidThisMonth,
    loadQuantities
} from './licenseRepository';

export interface LoadedPlan {
    current: LicenseQuantities;
    result: Result<QuantityChangePlan>;
}

/** Setup → compute: loads what R3 needs for the account and asks core for the plan (or its refusals). */
export async function planQuantities(
    db: Queryable,
    account: BillingAccount,
    requested: LicenseQuantities,
    now: Date
): Promise<LoadedPlan> {
    // Sequential: `db` may be a transaction's single connection.
    const { contract, prices } = await loadContractTerms(db, account.id, now);
    const current = await loadQuantities(db, account.id);
    const assignments = await loadAssignments(db, account.id);
    const paidThisMonth = await loadPaidThisMonth(db, {
        accountId: account.id,
        timeZone: account.timeZone,
        now
    });
    const result = planQuantityChange({
        now,
        timeZone: account.timeZone,
        prices,
        current,
        requested,
        contract,
        holders: countHolders(assignments),
        paidThisMonth
    });
    return { current, result };
}
