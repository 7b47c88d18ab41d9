import {
    askedRange,
    rangeProblem,
    parseIsoDate,
    startOfDayInstant,
    addDays,
    toIsoDate
} from '../../../core/index';
import type { Queryable } from '../db/pool';
import type { BillingAccount } from '../accounts/billingAccountRepository';
import { serviceError } from '../kernel/serviceError';
import type { ReportedKind } from './purchaseKinds';
import { listTransactionsPage } from './listTransactionsPage';

/** R8.2: the account's transactions in a range of its days (both included) and totals per kind. */
export async function listTransactionsInRange(
    db: Queryable,
    account: BillingAccount,
    query: {
        from?: string | undefined;
        to?: string | undefined;
        kind?: ReportedKind | undefined;
        cursor?: string | undefined;
        limit?: number | undefined;
        now: Date;
    }
) {
    const range = askedRange({
        now: query.now,
        timeZone: account.timeZone,
        from: query.from === undefined ? undefined : parseIsoDate(query.from),
        to: query.to === undefined ? undefined : parseIsoDate(query.to)
    });
    const problem = rangeProblem(range.from, range.to);
    // The panel shows the sentence on the date field named in the details (core's range rules).
    if (problem) throw serviceError('invalid_request', problem.message, { field: problem.field });
    const { kind, cursor, limit } = query;
    const result = await listTransactionsPage(db, account.id, {
        from: startOfDayInstant(range.from, account.timeZone),
        to: startOfDayInstant(addDays(range.to, 1), account.timeZone),
        ...(kind === undefined ? {} : { kind }),
        ...(cursor === undefined ? {} : { cursor }),
        ...(limit === undefined ? {} : { limit })
    });
    return {
        from: toIsoDate(range.from),
        to: toIsoDate(range.to),
        transactions: result.transactions.map((summary) => ({ ...summary, at: summary.at.toISOString() })),
        totals: result.totals,
        nextCursor: result.nextCursor
    };
}
