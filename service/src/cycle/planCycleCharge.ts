import { computeCycleCharge } from '../../../core/index';
import type { Queryable } from '../db/pool';
import { loadContractTerms, loadQuantities } from '../licenses/licenseRepository';
import { storageView } from '../storage/storageView';
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
    const recurring = computeCycleCharge({
        now,
        timeZone: account.timeZone,
        quantities,
        prices,
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
        .concat(pending.map(withoutId));
    return { lines, total: lines.reduce((sum, line) => sum + line.amountCents, 0) };
}

function withoutId({ id: _id, ...line }: PurchaseLine & { id: string }): PurchaseLine {
    return line;
}
