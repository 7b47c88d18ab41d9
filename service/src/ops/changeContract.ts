import {
    addDays,
    calendarDateIn,
    compareDates,
    LICENSE_CATALOG,
    LICENSE_CODES,
    monthlyRecurring,
    parseIsoDate,
    startOfDayInstant,
    toIsoDate,
    type Cents,
    type IsoDate,
    type LicenseCode,
    type LicensePrices
} from '../../../core/index';
import type { BillingAccount } from '../accounts/billingAccountRepository';
import type { Queryable, Tx } from '../db/pool';
import {
    countHolders,
    loadAssignments,
    loadContractTerms,
    loadQuantities
} from '../licenses/licenseRepository';
import { contractIdInForce, insertContract } from './contractRepository';
import { opsError } from './opsError';
import {
    checkQuantitiesMeetFloors,
    contractLicenses,
    resolveTerm,
    type PlannedContract
} from './planContract';
import type { ContractChangeRequest } from './schemas';

export interface FloorWarning {
    license: LicenseCode;
    floor: number;
    held: number;
    message: string;
}

export interface ContractChangePlan {
    kind: 'renewal' | 'amendment';
    effectiveOn: IsoDate;
    before: PlannedContract;
    after: PlannedContract;
    /** Per-user floors set below the licenses users already hold: applied only when accepted. */
    warnings: FloorWarning[];
    monthlyRecurringCents: Cents;
}

/** Setup → compute: the contract in force on the effective date, changed as asked (nothing written). */
export async function planContractChange(
    db: Queryable,
    account: BillingAccount,
    request: ContractChangeRequest,
    now: Date
): Promise<ContractChangePlan> {
    const today = calendarDateIn(now, account.timeZone);
    const current = await loadContractTerms(db, account.id, now);
    if (current.contract === null) throw opsError('no_contract', 'This account has no contract to change.');
    const term =
        request.term === undefined
            ? request.kind === 'renewal'
                ? resolveTerm({
                      start: toIsoDate(addDays(parseIsoDate(current.contract.end), 1)),
                      months: 12
                  })
                : { start: current.contract.start, end: current.contract.end }
            : resolveTerm(request.term);
    const effectiveOn = request.effectiveOn ?? (request.kind === 'renewal' ? term.start : toIsoDate(today));
    checkEffectiveDate(effectiveOn, toIsoDate(today), term);
    const base = await loadContractTerms(
        db,
        account.id,
        startOfDayInstant(parseIsoDate(effectiveOn), account.timeZone)
    );
    const before = contractOf(base.contract ?? current.contract, base.prices);
    const changed = contractLicenses(request.licenses, before);
    const after: PlannedContract = { ...term, ...changed };
    const quantities = await loadQuantities(db, account.id);
    checkQuantitiesMeetFloors(quantities, after.floors);
    const holders = countHolders(await loadAssignments(db, account.id));
    return {
        kind: request.kind,
        effectiveOn,
        before,
        after,
        warnings: floorWarnings(after, holders),
        monthlyRecurringCents: monthlyRecurring(quantities, { ...base.prices, ...after.prices }).total
    };
}

function checkEffectiveDate(
    effectiveOn: IsoDate,
    today: IsoDate,
    term: { start: IsoDate; end: IsoDate }
): void {
    const date = parseIsoDate(effectiveOn);
    if (compareDates(date, parseIsoDate(today)) < 0) {
        throw opsError(
            'effective_date_invalid',
            `A change cannot take effect in the past (${effectiveOn}; today is ${today}).`
        );
    }
    if (compareDates(date, parseIsoDate(term.start)) < 0 || compareDates(date, parseIsoDate(term.end)) > 0) {
        throw opsError(
            'effective_date_invalid',
            `The effective date ${effectiveOn} is outside the term ${term.start} – ${term.end}.`
        );
    }
}

function contractOf(
    contract: { start: IsoDate; end: IsoDate; floors: PlannedContract['floors'] },
    prices: LicensePrices
): PlannedContract {
    // Only the licenses of the contract keep a contracted price; the others are at list price.
    const contracted: LicensePrices = {};
    for (const code of LICENSE_CODES) {
        if (contract.floors[code] !== undefined)
            contracted[code] = prices[code] ?? LICENSE_CATALOG[code].listPrice;
    }
    return { start: contract.start, end: contract.end, floors: { ...contract.floors }, prices: contracted };
}

function floorWarnings(
    contract: PlannedContract,
    holders: Partial<Record<LicenseCode, number>>
): FloorWarning[] {
    const warnings: FloorWarning[] = [];
    for (const code of LICENSE_CODES) {
        const definition = LICENSE_CATALOG[code];
        const floor = contract.floors[code];
        const held = holders[code] ?? 0;
        if (definition.kind !== 'per_user' || floor === undefined || floor >= held) continue;
        warnings.push({
            license: code,
            floor,
            held,
            message: `${definition.name}: the floor ${floor} is below the ${held} licenses users hold now.`
        });
    }
    return warnings;
}

/** Execute: a new contract version in force from the effective date; the earlier ones stay as history. */
export async function applyContractChange(
    tx: Tx,
    input: { accountId: string; plan: ContractChangePlan; acceptFloorsBelowHoldings: boolean; now: Date }
): Promise<{ contractId: string }> {
    const { plan } = input;
    if (plan.warnings.length > 0 && !input.acceptFloorsBelowHoldings) {
        throw opsError(
            'floor_below_holdings',
            `${plan.warnings.map((warning) => warning.message).join(' ')} Send acceptFloorsBelowHoldings: true to set it anyway.`,
            { warnings: plan.warnings }
        );
    }
    const replaces = await contractIdInForce(tx, input.accountId, plan.effectiveOn);
    const contractId = await insertContract(tx, {
        accountId: input.accountId,
        contract: plan.after,
        changeKind: plan.kind,
        effectiveOn: plan.effectiveOn,
        replacesContractId: replaces,
        now: input.now
    });
    return { contractId };
}
