import {
    computeCycleCharge,
    type CyclePeriod,
    type LicensePrices,
    type LicenseQuantities
} from '../../../core/index';
import type { Queryable, Tx } from '../db/pool';
import { loadContractTerms, loadQuantities } from '../licenses/licenseRepository';
import { storageView, type StorageView } from '../storage/storageView';
import { loadCycleChargeInputs } from './cycleChargeRepository';
import type { PurchaseLine } from '../transactions/recordPurchase';

export interface PlannedCycleCharge {
    lines: PurchaseLine[];
    total: number;
}

/**
 * R4.1: what the account's cycle charges at `now`: recurring licenses at the contract in force that
 * day (R3.6), last month's storage fee, and the one-off charges a representative put on this bill (R7.5).
 */
export async function planCycleCharge(
    db: Queryable,
    account: { id: string; timeZone: string },
    now: Date,
    pending: readonly (PurchaseLine & { id: string })[]
): Promise<PlannedCycleCharge> {
    const { prices } = await loadContractTerms(db, account.id, now);
    const quantities = await loadQuantities(db, account.id);
    const storage = await storageView(db, account.id);
    return cycleChargeOf({ prices, quantities, storage, pending }, account, now);
}

/**
 * The cycle's own plan, in its transaction: claims the representative's queued charges for the
 * account's `period` (takePendingCharges) and reads all the rest in the same statement.
 */
export async function claimCycleCharge(
    tx: Tx,
    account: { id: string; timeZone: string; period: CyclePeriod },
    now: Date
): Promise<PlannedCycleCharge> {
    const inputs = await loadCycleChargeInputs(tx, account.id, account.period, now);
    return cycleChargeOf({ ...inputs, prices: inputs.terms.prices }, account, now);
}

function cycleChargeOf(
    inputs: {
        prices: LicensePrices;
        quantities: LicenseQuantities;
        storage: StorageView;
        pending: readonly (PurchaseLine & { id: string })[];
    },
    account: { timeZone: string },
    now: Date
): PlannedCycleCharge {
    const { storage } = inputs;
    const recurring = computeCycleCharge({
        now,
        timeZone: account.timeZone,
        quantities: inputs.quantities,
        prices: inputs.prices,
        lastMonthStorage: storage.measuredOn === null ? null : { users: storage.users, usage: storage.byKind }
    });
    const lines = recurring.lines
        .map((line): PurchaseLine => ({
            productCode: line.product,
            description: line.description,
            quantity: line.quantity,
            unitPriceCents: line.unitPrice,
            amountCents: line.amount
        }))
        .concat(inputs.pending.map(withoutId));
    return { lines, total: lines.reduce((sum, line) => sum + line.amountCents, 0) };
}

function withoutId({ id: _id, ...line }: PurchaseLine & { id: string }): PurchaseLine {
    return line;
}
