import type { Queryable, Tx } from '../db/pool';

export interface ServicePurchaseRow {
    id: string;
    service_code: string;
    quantity: number;
    amount_cents: number;
    purchased_at: Date;
}

/** R7.5: the account's service purchases, newest first. */
export async function listServicePurchases(db: Queryable, accountId: string): Promise<ServicePurchaseRow[]> {
    const purchases = await db.query<ServicePurchaseRow>(
        `SELECT id, service_code, quantity, amount_cents, purchased_at FROM service_purchases
         WHERE billing_account_id = $1 ORDER BY purchased_at DESC, id`,
        [accountId]
    );
    return purchases.rows;
}

/** Records one service purchase; returns its id. */
export async function insertServicePurchase(
    tx: Tx,
    purchase: { accountId: string; code: string; quantity: number; amountCents: number; at: Date; by: string }
): Promise<string> {
    const inserted = await tx.query<{ id: string }>(
        `INSERT INTO service_purchases (billing_account_id, service_code, quantity, amount_cents, purchased_at, purchased_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [purchase.accountId, purchase.code, purchase.quantity, purchase.amountCents, purchase.at, purchase.by]
    );
    return inserted.rows[0]?.id ?? '';
}
