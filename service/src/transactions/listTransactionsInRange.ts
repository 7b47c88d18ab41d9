import {
    dateRange,
    MAX_RANGE_DAYS,
    parseIsoDate,
    startOfDayInstant,
    addDays,
    toIsoDate
} from '../../../core/index';
import type { Queryable } from '../db/pool';
import type { BillingAccount } from '../accounts/billingAccountRepository';
import { serviceError } from '../kernel/serviceError';
import type { ReportedKind } from './purchaseKinds';
import { listTransactions } from './transactionRepository';

/** R8.2: the account's transactions in a range of its days (both included) and totals per kind. */
export async function listTransactionsInRange(
    db: Queryable,
    account: BillingAccount,
    query: { from?: string | undefined; to?: string | undefined; kind?: ReportedKind | undefined; now: Date }
) {
    const range = dateRange({
        now: query.now,
        timeZone: account.timeZone,
        from: query.from === undefined ? undefined : parseIsoDate(query.from),
        to: query.to === undefined ? undefined : parseIsoDate(query.to)
    });
    if (range === undefined) {
        throw serviceError(
            'invalid_request',
            `Choose a "from" day on or before "to", at most ${MAX_RANGE_DAYS} days apart.`
        );
    }
    const result = await listTransactions(db, account.id, {
        from: startOfDayInstant(range.from, account.timeZone),
        to: startOfDayInstant(addDays(range.to, 1), account.timeZone),
        ...(query.kind === undefined ? {} : { kind: query.kind })
    });
    return {
        from: toIsoDate(range.from),
        to: toIsoDate(range.to),
        transactions: result.transactions.map((summary) => ({ ...summary, at: summary.at.toISOString() })),
        totals: result.totals
    };
}
