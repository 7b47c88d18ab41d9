import type { Queryable } from '../db/pool';
import { serviceError } from '../kernel/serviceError';
import type { ReportedKind } from './purchaseKinds';
import {
    listTransactionPage,
    transactionTotals,
    type KindTotals,
    type PagePosition,
    type TransactionSummary
} from './transactionRepository';

/** Transactions per page unless the caller asks for another size (R8.2). */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export interface TransactionsPage {
    transactions: TransactionSummary[];
    totals: KindTotals;
    /** Pass as `cursor` for the next page; null on the last page. */
    nextCursor: string | null;
}

/** The cursor is opaque to callers: "<microseconds>.<number>" of the last transaction shown. */
function encodeCursor(position: PagePosition): string {
    return `${position.atMicros}.${position.number}`;
}

function decodeCursor(cursor: string): PagePosition {
    const [, atMicros, number] = /^(-?\d{1,19})\.(\d{1,15})$/.exec(cursor) ?? [];
    if (atMicros === undefined || number === undefined) {
        throw serviceError(
            'invalid_request',
            'The cursor is not one this service gave; start from the first page.'
        );
    }
    return { atMicros, number: Number(number) };
}

/**
 * R8.2: one page of transactions in [from, to), newest first, with the totals per kind of the whole
 * range (computed by PostgreSQL, not from the page), so the panel draws only what it shows.
 */
export async function listTransactionsPage(
    db: Queryable,
    accountId: string,
    query: { from: Date; to: Date; kind?: ReportedKind; cursor?: string; limit?: number }
): Promise<TransactionsPage> {
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const range = {
        from: query.from,
        to: query.to,
        ...(query.kind === undefined ? {} : { kind: query.kind })
    };
    // Sequential: `db` may be one connection.
    const page = await listTransactionPage(db, accountId, {
        ...range,
        ...(after === undefined ? {} : { after }),
        limit: query.limit ?? DEFAULT_PAGE_SIZE
    });
    const totals = await transactionTotals(db, accountId, range);
    return {
        transactions: page.transactions,
        totals,
        nextCursor: page.more && page.last !== null ? encodeCursor(page.last) : null
    };
}
