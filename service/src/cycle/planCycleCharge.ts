import { computeCycleCharge, type CycleCharge } from '../../../core/index';
import type { Queryable } from '../db/pool';
import { loadContractTerms, loadQuantities } from '../licenses/licenseRepository';
import { storageView } from '../storage/storageView';
import type { PurchaseLine } from '../transactions/recordPurchase';

/** R4.1: what the account's cycle charges at `now` (recurring licenses and last month's storage fee). */
export async function planCycleCharge(
    db: Queryable,
    account: { id: string; timeZone: string },
    now: Date
): Promise<CycleCharge> {
    const { prices } = await loadContractTerms(db, account.id);
    const quantities = await loadQuantities(db, account.id);
    const storage = await storageView(db, account.id);
    return computeCycleCharge({
        now,
        timeZone: account.timeZone,
        quantities,
        prices,
        lastMonthStorage: storage.measuredOn === null ? null : { users: storage.users, usage: storage.byKind }
    });
}

export function purchaseLines(charge: CycleCharge): PurchaseLine[] {
    return charge.lines.map((line) => ({
        productCode: line.product,
        description: line.description,
        quantity: line.quantity,
        unitPriceCents: line.unitPrice,
        amountCents: line.amount
    }));
}
