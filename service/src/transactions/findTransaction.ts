import type { Queryable } from '../db/pool';
import type { TransactionNumberParams } from './schemas';
import { parseTransactionNumber } from './transactionNumber';
import { loadTransaction, type TransactionDetail } from './transactionRepository';

/** R8.1/R8.3: the transaction `:number` of the caller's account, or 404. */
export function findTransaction(
    db: Queryable,
    caller: { orgId: string },
    params: TransactionNumberParams
): Promise<TransactionDetail> {
    const scope = { orgId: caller.orgId, accountId: params.accountId };
    return loadTransaction(db, scope, parseTransactionNumber(params.number) ?? 0);
}

/** The transaction as the API answers it (dates as ISO 8601 text). */
export function transactionJson(detail: TransactionDetail) {
    return {
        id: detail.id,
        account: detail.account,
        number: detail.number,
        at: detail.at.toISOString(),
        kind: detail.kind,
        status: detail.status,
        totalCents: detail.totalCents,
        fundingSource: detail.fundingSource,
        declineMessage: detail.declineMessage,
        lines: detail.lines
    };
}
