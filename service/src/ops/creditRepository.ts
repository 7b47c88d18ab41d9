import type { Cents } from '../../../core/index';
import type { Queryable, Tx } from '../db/pool';
import { notFound } from '../kernel/serviceError';
import { formatTransactionNumber } from '../transactions/transactionNumber';

/** A transaction that may be refunded: what was taken, on which source, and what was given back already. */
export interface RefundableTransaction {
    id: string;
    number: string;
    kind: string;
    status: 'succeeded' | 'failed';
    totalCents: Cents;
    fundingSourceId: string | null;
    processorReference: string | null;
    refundedCents: Cents;
}

export async function findRefundableTransaction(
    db: Queryable,
    scope: { orgId: string; accountId: string },
    number: number
): Promise<RefundableTransaction> {
    const result = await db.query<{
        id: string;
        number: number;
        kind: string;
        status: 'succeeded' | 'failed';
        total_cents: number;
        funding_source_id: string | null;
        processor_reference: string | null;
        refunded_cents: number;
    }>(
        `SELECT t.id, t.number, t.kind, t.status, t.total_cents, t.funding_source_id, t.processor_reference,
                (SELECT coalesce(sum(r.total_cents), 0)::bigint FROM sales_transactions r
                 WHERE r.refund_of = t.id AND r.status = 'succeeded') AS refunded_cents
         FROM sales_transactions t JOIN billing_accounts a ON a.id = t.billing_account_id
         WHERE a.org_id = $1 AND t.billing_account_id = $2 AND t.number = $3`,
        [scope.orgId, scope.accountId, number]
    );
    const row = result.rows[0];
    if (row === undefined) throw notFound('transaction');
    return {
        id: row.id,
        number: formatTransactionNumber(row.number),
        kind: row.kind,
        status: row.status,
        totalCents: row.total_cents,
        fundingSourceId: row.funding_source_id,
        processorReference: row.processor_reference,
        refundedCents: row.refunded_cents
    };
}

/** A refund or goodwill credit as a sales transaction of its own kind, with one line (R8.1, R11.1). */
export async function insertCreditTransaction(
    tx: Tx,
    input: {
        accountId: string;
        kind: 'refund' | 'credit';
        refundOf: string | null;
        fundingSourceId: string | null;
        processorReference: string | null;
        amountCents: Cents;
        productCode: string;
        description: string;
        idempotencyKey: string;
        now: Date;
    }
): Promise<{ id: string; number: string }> {
    const inserted = await tx.query<{ id: string; number: number }>(
        `WITH txn AS (
             INSERT INTO sales_transactions (billing_account_id, kind, status, funding_source_id, total_cents,
                 processor_reference, idempotency_key, created_at, refund_of)
             VALUES ($1, $2, 'succeeded', $3, $4, $5, $6, $7, $8) RETURNING id, number),
         line AS (
             INSERT INTO sales_transaction_lines (transaction_id, line_number, product_code, description, quantity,
                 unit_price_cents, amount_cents)
             SELECT txn.id, 1, $9, $10, 1, $4, $4 FROM txn)
         SELECT id, number FROM txn`,
        [
            input.accountId,
            input.kind,
            input.fundingSourceId,
            input.amountCents,
            input.processorReference,
            input.idempotencyKey,
            input.now,
            input.refundOf,
            input.productCode,
            input.description
        ]
    );
    const row = inserted.rows[0];
    if (row === undefined) throw new Error('the credit transaction was not written');
    return { id: row.id, number: formatTransactionNumber(row.number) };
}
