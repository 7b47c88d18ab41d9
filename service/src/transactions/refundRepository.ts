import type { Cents } from '../../../core/index';
import type { Queryable } from '../db/pool';
import { formatTransactionNumber } from './transactionNumber';

/** The refunds of a transaction (kind 'refund', issue 14), oldest first: shown on its receipt. */
export async function listRefundsOf(
    db: Queryable,
    transactionId: string
): Promise<{ number: string; amountCents: Cents; at: Date }[]> {
    const result = await db.query<{ number: number; total_cents: number; created_at: Date }>(
        `SELECT number, total_cents, created_at FROM sales_transactions
         WHERE refund_of = $1 AND status = 'succeeded' ORDER BY created_at, number`,
        [transactionId]
    );
    return result.rows.map((row) => ({
        number: formatTransactionNumber(row.number),
        amountCents: row.total_cents,
        at: row.created_at
    }));
}
