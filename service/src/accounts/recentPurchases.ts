import type { Queryable } from '../db/pool';
import { recentTransactions } from '../transactions/transactionRepository';

export interface RecentPurchase {
    transactionId: string;
    number: string;
    kind: string;
    status: string;
    totalCents: number;
    at: string;
}

/** R1.1 recent purchases of an account, newest first, as the summary shows them. */
export async function recentPurchases(
    db: Queryable,
    accountId: string,
    limit = 5
): Promise<RecentPurchase[]> {
    const transactions = await recentTransactions(db, accountId, limit);
    return transactions.map((transaction) => ({
        transactionId: transaction.id,
        number: transaction.number,
        kind: transaction.kind,
        status: transaction.status,
        totalCents: transaction.totalCents,
        at: transaction.at.toISOString()
    }));
}
