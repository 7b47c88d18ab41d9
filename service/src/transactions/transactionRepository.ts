import type { Cents } from '../../../core/index';
import type { Queryable } from '../db/pool';
import { notFound } from '../kernel/serviceError';
import {
    purchaseKindsReportedAs,
    reportedKindOf,
    PURCHASE_KINDS,
    REPORTED_KINDS,
    SERVICE_PRODUCT_CODES,
    STORAGE_PRODUCT_CODE,
    type PurchaseKind,
    type ReportedKind
} from './purchaseKinds';
import { listRefundsOf } from './refundRepository';
import { formatTransactionNumber } from './transactionNumber';

export interface TransactionLine {
    lineNumber: number;
    productCode: string;
    description: string;
    quantity: number;
    unitPriceCents: Cents;
    prorationDays: { days: number; daysInMonth: number } | null;
    amountCents: Cents;
    kind: ReportedKind;
}

export interface TransactionSummary {
    number: string;
    at: Date;
    kind: PurchaseKind;
    status: 'pending' | 'succeeded' | 'failed';
    totalCents: Cents;
    fundingSource: { kind: 'card' | 'bank_account'; brand: string; last4: string } | null;
    declineMessage: string | null;
}

export interface TransactionDetail extends TransactionSummary {
    id: string;
    account: { id: string; name: string; timeZone: string; companyName: string };
    lines: TransactionLine[];
    /** Refunds given back on this transaction (issue 14), oldest first. */
    refunds: { number: string; amountCents: Cents; at: Date }[];
}

interface SummaryRow {
    id: string;
    number: number;
    created_at: Date;
    kind: PurchaseKind;
    status: 'pending' | 'succeeded' | 'failed';
    total_cents: number;
    decline_message: string | null;
    source_kind: 'card' | 'bank_account' | null;
    brand: string | null;
    last4: string | null;
}

const SUMMARY_COLUMNS = `t.id, t.number, t.created_at, t.kind, t.status, t.total_cents, t.decline_message,
    f.kind AS source_kind, f.brand, f.last4`;

function toSummary(row: SummaryRow): TransactionSummary {
    return {
        number: formatTransactionNumber(row.number),
        at: row.created_at,
        kind: row.kind,
        status: row.status,
        totalCents: row.total_cents,
        fundingSource:
            row.source_kind === null || row.brand === null || row.last4 === null
                ? null
                : { kind: row.source_kind, brand: row.brand, last4: row.last4 },
        declineMessage: row.decline_message
    };
}

export type KindTotals = Record<ReportedKind, Cents>;

/** R1.1: the account's latest transactions, newest first. */
export async function recentTransactions(
    db: Queryable,
    accountId: string,
    limit: number
): Promise<(TransactionSummary & { id: string })[]> {
    const rows = await db.query<SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS}
         FROM sales_transactions t LEFT JOIN funding_sources f ON f.id = t.funding_source_id
         WHERE t.billing_account_id = $1 ORDER BY t.created_at DESC, t.number DESC LIMIT $2`,
        [accountId, limit]
    );
    return rows.rows.map((row) => ({ id: row.id, ...toSummary(row) }));
}

/** R8.1/R8.3: one transaction of the caller's company with its lines, or 404. */
export async function loadTransaction(
    db: Queryable,
    scope: { orgId: string; accountId: string },
    number: number
): Promise<TransactionDetail> {
    const found = await db.query<
        SummaryRow & { account_name: string; time_zone: string; company_name: string }
    >(
        `SELECT ${SUMMARY_COLUMNS}, a.name AS account_name, a.time_zone, c.name AS company_name
         FROM sales_transactions t
         JOIN billing_accounts a ON a.id = t.billing_account_id
         JOIN companies c ON c.org_id = a.org_id
         LEFT JOIN funding_sources f ON f.id = t.funding_source_id
         WHERE a.org_id = $1 AND t.billing_account_id = $2 AND t.number = $3`,
        [scope.orgId, scope.accountId, number]
    );
    const row = found.rows[0];
    if (row === undefined) throw notFound('transaction');
    const lines = await db.query<{
        line_number: number;
        product_code: string;
        description: string;
        quantity: number;
        unit_price_cents: number;
        proration_days: number | null;
        days_in_month: number | null;
        amount_cents: number;
    }>('SELECT * FROM sales_transaction_lines WHERE transaction_id = $1 ORDER BY line_number', [row.id]);
    const refunds = await listRefundsOf(db, row.id);
    return {
        ...toSummary(row),
        id: row.id,
        account: {
            id: scope.accountId,
            name: row.account_name,
            timeZone: row.time_zone,
            companyName: row.company_name
        },
        lines: lines.rows.map((line) => ({
            lineNumber: line.line_number,
            productCode: line.product_code,
            description: line.description,
            quantity: line.quantity,
            unitPriceCents: line.unit_price_cents,
            prorationDays:
                line.proration_days === null || line.days_in_month === null
                    ? null
                    : { days: line.proration_days, daysInMonth: line.days_in_month },
            amountCents: line.amount_cents,
            kind: reportedKindOf(row.kind, line.product_code)
        })),
        refunds
    };
}

/** Where a page ends: the (date, number) of its last transaction, the next page starts below it. */
export interface PagePosition {
    /** created_at in whole microseconds since the epoch (exact, unlike a JavaScript Date). */
    atMicros: string;
    number: number;
}

/** reportedKindOf (purchaseKinds.ts) of the line `line` of a cycle bill, in SQL. */
const SERVICE_CODES_SQL = SERVICE_PRODUCT_CODES.map((code) => `'${code}'`).join(', ');
const cycleLineKind = (line: string) => `CASE
        WHEN ${line}.product_code = '${STORAGE_PRODUCT_CODE}' THEN 'storage'
        WHEN ${line}.product_code IN (${SERVICE_CODES_SQL}) THEN 'services'
        ELSE 'licenses' END`;

/** reportedKindOf of the line l of transaction t, in SQL, so totals are computed by the database. */
const LINE_KIND = `CASE t.kind
    ${PURCHASE_KINDS.filter((kind) => kind !== 'cycle')
        .map((kind) => `WHEN '${kind}' THEN '${reportedKindOf(kind, '')}'`)
        .join(' ')}
    ELSE ${cycleLineKind('l')} END`;

/**
 * The kind filter ($4 the purchase kinds reported as the kind, $5 the kind; both null for every
 * kind): a transaction of one of those purchase kinds, or a cycle bill with a line of the kind.
 * The cycle bills are one uncorrelated look-up (hashed once), not a probe of the lines per row:
 * with 100,000 transactions the correlated EXISTS cost 100,000 index probes, and its estimate
 * (≈850,000) turned on JIT compilation (≈170 ms); see bench/README.md. The direct kinds use the
 * (account, kind, date, number) index of migration 0840 when they are rare in the range.
 */
const HAS_KIND = `($5::text IS NULL OR t.kind = ANY($4::text[]) OR (t.kind = 'cycle' AND t.id IN (
        SELECT c.id FROM sales_transactions c JOIN sales_transaction_lines cl ON cl.transaction_id = c.id
        WHERE c.billing_account_id = $1 AND c.created_at >= $2 AND c.created_at < $3 AND c.kind = 'cycle'
          AND ${cycleLineKind('cl')} = $5)))`;

/** $4 and $5 of HAS_KIND. */
function kindParameters(kind: ReportedKind | undefined): [PurchaseKind[] | null, ReportedKind | null] {
    return kind === undefined ? [null, null] : [purchaseKindsReportedAs(kind), kind];
}

/**
 * R8.2: one page of the account's transactions in [from, to), newest first, below `after` (keyset on
 * date and number), optionally only those with lines of one kind. Asks one more row than `limit`,
 * so the caller knows whether another page follows.
 */
export async function listTransactionPage(
    db: Queryable,
    accountId: string,
    range: { from: Date; to: Date; kind?: ReportedKind; after?: PagePosition; limit: number }
): Promise<{ transactions: TransactionSummary[]; last: PagePosition | null; more: boolean }> {
    const rows = await db.query<SummaryRow & { at_micros: string }>(
        `SELECT ${SUMMARY_COLUMNS}, (extract(epoch FROM t.created_at) * 1000000)::bigint::text AS at_micros
         FROM sales_transactions t LEFT JOIN funding_sources f ON f.id = t.funding_source_id
         WHERE t.billing_account_id = $1 AND t.created_at >= $2 AND t.created_at < $3 AND ${HAS_KIND}
           AND ($6::bigint IS NULL
                OR (t.created_at, t.number) < ('epoch'::timestamptz + $6::bigint * interval '1 microsecond', $7::bigint))
         ORDER BY t.created_at DESC, t.number DESC
         LIMIT $8`,
        [
            accountId,
            range.from,
            range.to,
            ...kindParameters(range.kind),
            range.after?.atMicros ?? null,
            range.after?.number ?? null,
            range.limit + 1
        ]
    );
    const page = rows.rows.slice(0, range.limit);
    const lastRow = page.at(-1);
    return {
        transactions: page.map(toSummary),
        last: lastRow === undefined ? null : { atMicros: lastRow.at_micros, number: lastRow.number },
        more: rows.rows.length > range.limit
    };
}

/**
 * R8.2: the succeeded amounts per kind over the whole range (every page), summed by PostgreSQL;
 * with a kind, over the transactions that have lines of that kind, as the list shows them.
 */
export async function transactionTotals(
    db: Queryable,
    accountId: string,
    range: { from: Date; to: Date; kind?: ReportedKind }
): Promise<KindTotals> {
    const rows = await db.query<{ kind: ReportedKind; total: string }>(
        `SELECT ${LINE_KIND} AS kind, sum(l.amount_cents)::bigint::text AS total
         FROM sales_transactions t JOIN sales_transaction_lines l ON l.transaction_id = t.id
         WHERE t.billing_account_id = $1 AND t.created_at >= $2 AND t.created_at < $3
           AND t.status = 'succeeded' AND ${HAS_KIND}
         GROUP BY 1`,
        [accountId, range.from, range.to, ...kindParameters(range.kind)]
    );
    const totals = Object.fromEntries(REPORTED_KINDS.map((kind) => [kind, 0])) as KindTotals;
    for (const row of rows.rows) totals[row.kind] = Number(row.total);
    return totals;
}
