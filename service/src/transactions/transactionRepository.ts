import type { Cents } from '../../../core/index';
import type { Queryable } from '../db/pool';
import { notFound } from '../kernel/serviceError';
import { reportedKindOf, REPORTED_KINDS, type PurchaseKind, type ReportedKind } from './purchaseKinds';
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

/**
 * R8.2: the account's transactions in [from, to), newest first, optionally only those with lines
 * of one kind, and the succeeded amounts per kind (a cycle charge counts as licenses and storage).
 */
export async function listTransactions(
    db: Queryable,
    accountId: string,
    range: { from: Date; to: Date; kind?: ReportedKind }
): Promise<{ transactions: TransactionSummary[]; totals: KindTotals }> {
    const rows = await db.query<SummaryRow & { lines: { product_code: string; amount_cents: number }[] }>(
        `SELECT ${SUMMARY_COLUMNS},
                (SELECT json_agg(json_build_object('product_code', l.product_code, 'amount_cents', l.amount_cents))
                 FROM sales_transaction_lines l WHERE l.transaction_id = t.id) AS lines
         FROM sales_transactions t LEFT JOIN funding_sources f ON f.id = t.funding_source_id
         WHERE t.billing_account_id = $1 AND t.created_at >= $2 AND t.created_at < $3
         ORDER BY t.created_at DESC, t.number DESC`,
        [accountId, range.from, range.to]
    );
    const totals = Object.fromEntries(REPORTED_KINDS.map((kind) => [kind, 0])) as KindTotals;
    const transactions: TransactionSummary[] = [];
    for (const row of rows.rows) {
        const kinds = row.lines.map((line) => ({
            kind: reportedKindOf(row.kind, line.product_code),
            amount: line.amount_cents
        }));
        if (range.kind !== undefined && !kinds.some((line) => line.kind === range.kind)) continue;
        transactions.push(toSummary(row));
        if (row.status === 'succeeded') for (const line of kinds) totals[line.kind] += line.amount;
    }
    return { transactions, totals };
}

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
        }))
    };
}
