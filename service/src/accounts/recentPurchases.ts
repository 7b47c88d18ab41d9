import type { Queryable } from '../db/pool';
import { formatTransactionNumber } from '../transactions/transactionNumber';

export interface RecentPurchase {
    transactionId: string;
    number: string;
    kind: string;
    status: string;
    totalCents: number;
    at: string;
}

/**
 * R1.1 recent purchases of an account, newest first. JOIN POINT: reads the money engineer's
 * `sales_transactions` table; swap for their listing use case when it exports one.
 */
export async function recentPurchases(
    db: Queryable,
    accountId: string,
    limit = 5
): Promise<RecentPurchase[]> {
    const result = await db.query<{
        id: string;
        number: number;
        kind: string;
        status: string;
        total_cents: number;
        created_at: Date;
    }>(
        `SELECT id, number, kind, status, total_cents, created_at FROM sales_transactions
         WHERE billing_account_id = $1 ORDER BY created_at DESC, number DESC LIMIT $2`,
        [accountId, limit]
    );
    return result.rows.map((row) => ({
        transactionId: row.id,
        number: formatTransactionNumber(row.number),
        kind: row.kind,
        status: row.status,
        totalCents: row.total_cents,
        at: row.created_at.toISOString()
    }));
}
