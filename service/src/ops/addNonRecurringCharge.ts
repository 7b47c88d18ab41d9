import { multiplyCents, type Cents } from '../../../core/index';
import type { Tx } from '../db/pool';
import type { MoneyDeps, PurchaseLine } from '../transactions/recordPurchase';
import { chargeNow } from './chargeNow';
import { addPendingCharge } from './pendingChargeRepository';
import { serviceName, type ChargeRequest } from './schemas';

export interface AddedCharge {
    billing: 'now' | 'next_cycle';
    amountCents: Cents;
    /** 'now': the transaction (TRX #, receipt). */
    transactionNumber: string | null;
    /** 'next_cycle': the line waiting for the next bill. */
    pendingChargeId: string | null;
}

/** R7.5: training, consulting, a contract adjustment or another service, charged now or on the next bill. */
export async function addNonRecurringCharge(
    tx: Tx,
    deps: MoneyDeps,
    input: { accountId: string; charge: ChargeRequest; idempotencyKey: string; createdBy: string; now: Date }
): Promise<AddedCharge> {
    const { charge } = input;
    const line: PurchaseLine = {
        productCode: charge.product,
        description: `${serviceName(charge.product)}: ${charge.description}`,
        quantity: charge.quantity,
        unitPriceCents: charge.unitPriceCents,
        amountCents: multiplyCents(charge.unitPriceCents, charge.quantity)
    };
    if (charge.billing === 'next_cycle') {
        const id = await addPendingCharge(tx, {
            accountId: input.accountId,
            line,
            createdBy: input.createdBy,
            now: input.now
        });
        return {
            billing: 'next_cycle',
            amountCents: line.amountCents,
            transactionNumber: null,
            pendingChargeId: id
        };
    }
    const purchase = await chargeNow(tx, deps, {
        accountId: input.accountId,
        kind: 'services',
        lines: [line],
        idempotencyKey: `ops:${input.idempotencyKey}`,
        now: input.now
    });
    return {
        billing: 'now',
        amountCents: purchase.totalCents,
        transactionNumber: purchase.number,
        pendingChargeId: null
    };
}
