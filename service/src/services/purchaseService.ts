import {
    getService,
    multiplyCents,
    priceForPanelPurchase,
    SERVICE_CATALOG,
    type ServiceCode
} from '../../../core/index';
import type { Queryable } from '../db/pool';
import type { MutationContext } from '../mutations/runMutation';
import { recordPurchase } from '../transactions/recordPurchase';
import { insertServicePurchase, listServicePurchases } from './servicePurchaseRepository';

export interface ServicePurchaseView {
    id: string;
    service: string;
    name: string;
    quantity: number;
    amountCents: number;
    at: string;
}

/** R7.5: the catalog (only implementation types are bought in the panel) and what the account bought. */
export async function listServices(db: Queryable, accountId: string) {
    const purchases = await listServicePurchases(db, accountId);
    return {
        services: Object.values(SERVICE_CATALOG).map((service) => ({
            code: service.code,
            name: service.name,
            description: service.description,
            purchasableInPanel: service.purchasableInPanel,
            priceCents: service.price
        })),
        purchases: purchases.map((row): ServicePurchaseView => ({
            id: row.id,
            service: row.service_code,
            name: getService(row.service_code).name,
            quantity: row.quantity,
            amountCents: row.amount_cents,
            at: row.purchased_at.toISOString()
        }))
    };
}

/** R7.5: buys an implementation service, charged at once on the primary funding source. */
export async function purchaseService(context: MutationContext, code: ServiceCode, quantity: number) {
    const { tx, account, now, caller } = context;
    if (account === undefined) throw new Error('purchaseService runs with the account locked');
    const unitPrice = priceForPanelPurchase(code);
    const amountCents = multiplyCents(unitPrice, quantity);
    const service = SERVICE_CATALOG[code];
    const transaction = await recordPurchase(tx, context.deps, {
        accountId: account.id,
        kind: 'services',
        idempotencyKey: context.idempotencyKey,
        now,
        lines: [
            {
                productCode: code,
                description: service.name,
                quantity,
                unitPriceCents: unitPrice,
                amountCents
            }
        ]
    });
    const id = await insertServicePurchase(tx, {
        accountId: account.id,
        code,
        quantity,
        amountCents,
        at: now,
        by: caller.userId
    });
    await context.audit({
        action: 'services.purchased',
        before: null,
        after: { service: code, quantity, amountCents }
    });
    const purchase: ServicePurchaseView = {
        id,
        service: code,
        name: service.name,
        quantity,
        amountCents,
        at: now.toISOString()
    };
    return {
        purchase,
        transaction: {
            transactionId: transaction.transactionId,
            number: transaction.number,
            totalCents: transaction.totalCents,
            fundingSourceId: transaction.fundingSourceId
        }
    };
}
