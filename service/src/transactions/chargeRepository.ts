import type { Cents } from '../../../core/index';
import type { Queryable, Tx } from '../db/pool';
import type { PurchaseKind } from './purchaseKinds';
import { formatTransactionNumber } from './transactionNumber';

/** The SQL of charges (sales_transactions from pending to settled): see recordPurchase and driveCharge. */

export interface ChargeLine {
    productCode: string;
    description: string;
    quantity: number;
    unitPriceCents: Cents;
    prorationDays?: { days: number; daysInMonth: number };
    amountCents: Cents;
}

export interface ChargeRecord {
    id: string;
    number: string;
    accountId: string;
    kind: PurchaseKind;
    status: 'pending' | 'succeeded' | 'failed';
    totalCents: Cents;
    fundingSourceId: string | null;
    declineCode: string | null;
    declineMessage: string | null;
    appliedAt: Date | null;
}

interface ChargeRow {
    id: string;
    number: number;
    billing_account_id: string;
    kind: PurchaseKind;
    status: 'pending' | 'succeeded' | 'failed';
    total_cents: number;
    funding_source_id: string | null;
    decline_code: string | null;
    decline_message: string | null;
    applied_at: Date | null;
}

const CHARGE_COLUMNS = `id, number, billing_account_id, kind, status, total_cents, funding_source_id,
    decline_code, decline_message, applied_at`;

function toCharge(row: ChargeRow): ChargeRecord {
    return {
        id: row.id,
        number: formatTransactionNumber(row.number),
        accountId: row.billing_account_id,
        kind: row.kind,
        status: row.status,
        totalCents: row.total_cents,
        fundingSourceId: row.funding_source_id,
        declineCode: row.decline_code,
        declineMessage: row.decline_message,
        appliedAt: row.applied_at
    };
}

/** Charges of one account queue behind each other (and behind its changes, which lock it FOR UPDATE). */
export async function lockAccountForCharge(tx: Tx, accountId: string): Promise<void> {
    await tx.query('SELECT id FROM billing_accounts WHERE id = $1 FOR NO KEY UPDATE', [accountId]);
}

export async function findChargeByKey(
    db: Queryable,
    accountId: string,
    idempotencyKey: string
): Promise<ChargeRecord | undefined> {
    const found = await db.query<ChargeRow>(
        `SELECT ${CHARGE_COLUMNS} FROM sales_transactions WHERE billing_account_id = $1 AND idempotency_key = $2`,
        [accountId, idempotencyKey]
    );
    const row = found.rows[0];
    return row === undefined ? undefined : toCharge(row);
}

export async function findChargeById(db: Queryable, id: string): Promise<ChargeRecord | undefined> {
    const found = await db.query<ChargeRow>(
        `SELECT ${CHARGE_COLUMNS} FROM sales_transactions WHERE id = $1`,
        [id]
    );
    const row = found.rows[0];
    return row === undefined ? undefined : toCharge(row);
}

export interface NewCharge {
    accountId: string;
    kind: PurchaseKind;
    lines: readonly ChargeLine[];
    totalCents: Cents;
    idempotencyKey: string;
    now: Date;
    /** The source to charge first, and the ones to fall back on after a decline. */
    sourceIds: readonly string[];
}

/** The processor key of one charge on one source: fixed when the charge is recorded, reused by every retry. */
export function processorKeyOf(accountId: string, idempotencyKey: string, sourceId: string): string {
    return `${accountId}:${idempotencyKey}:${sourceId}`;
}

/**
 * Records the charge as pending with its lines, in one statement (committed on its own before the
 * processor is called). Returns the id of the charge under this key, new or recorded before.
 */
export async function insertPendingCharge(
    db: Queryable,
    charge: NewCharge
): Promise<{ id: string; number: string }> {
    const [first, ...fallback] = charge.sourceIds;
    if (first === undefined) throw new Error('a charge needs a funding source');
    const inserted = await db.query<{ id: string; number: number }>(
        `WITH txn AS (
             INSERT INTO sales_transactions (billing_account_id, kind, status, funding_source_id, total_cents,
                 idempotency_key, created_at, processor_key, fallback_source_ids, pending_since)
             VALUES ($1, $2, 'pending', $3, $4, $5, $6, $7, $8, clock_timestamp())
             ON CONFLICT (billing_account_id, idempotency_key) DO NOTHING
             RETURNING id, number),
         lines AS (
             INSERT INTO sales_transaction_lines (transaction_id, line_number, product_code, description, quantity,
                 unit_price_cents, proration_days, days_in_month, amount_cents)
             SELECT txn.id, line.line_number, line.product_code, line.description, line.quantity,
                    line.unit_price_cents, line.proration_days, line.days_in_month, line.amount_cents
             FROM txn, jsonb_to_recordset($9::jsonb) AS line(line_number integer, product_code text, description text,
                 quantity integer, unit_price_cents bigint, proration_days integer, days_in_month integer, amount_cents bigint)
         )
         SELECT id, number FROM txn
         UNION ALL
         SELECT id, number FROM sales_transactions WHERE billing_account_id = $1 AND idempotency_key = $5
         LIMIT 1`,
        [
            charge.accountId,
            charge.kind,
            first,
            charge.totalCents,
            charge.idempotencyKey,
            charge.now,
            processorKeyOf(charge.accountId, charge.idempotencyKey, first),
            fallback,
            JSON.stringify(charge.lines.map((line, index) => lineRecord(line, index + 1)))
        ]
    );
    const row = inserted.rows[0];
    if (row !== undefined) return { id: row.id, number: formatTransactionNumber(row.number) };
    // A twin committed after this statement's snapshot is not in its SELECT: look once more.
    const twin = await findChargeByKey(db, charge.accountId, charge.idempotencyKey);
    if (twin === undefined) throw new Error('a pending charge was neither recorded nor found');
    return { id: twin.id, number: twin.number };
}

function lineRecord(line: ChargeLine, lineNumber: number) {
    return {
        line_number: lineNumber,
        product_code: line.productCode,
        description: line.description,
        quantity: line.quantity,
        unit_price_cents: line.unitPriceCents,
        proration_days: line.prorationDays?.days ?? null,
        days_in_month: line.prorationDays?.daysInMonth ?? null,
        amount_cents: line.amountCents
    };
}

/** The product and amount of each line a charge was made for. */
export async function loadChargeLines(
    db: Queryable,
    id: string
): Promise<{ productCode: string; amountCents: Cents }[]> {
    const lines = await db.query<{ product_code: string; amount_cents: number }>(
        'SELECT product_code, amount_cents FROM sales_transaction_lines WHERE transaction_id = $1 ORDER BY line_number',
        [id]
    );
    return lines.rows.map((line) => ({ productCode: line.product_code, amountCents: line.amount_cents }));
}

/** A pending charge with what the processor needs: the current source's token and the fixed key. */
export interface PendingCharge {
    id: string;
    number: string;
    accountId: string;
    kind: PurchaseKind;
    totalCents: Cents;
    /** The business time the charge was made (card expiry is judged at it). */
    createdAt: Date;
    processorKey: string;
    idempotencyKey: string;
    source: {
        id: string;
        token: string;
        brand: string;
        last4: string;
        expMonth: number | null;
        expYear: number | null;
    };
    fallbackSourceIds: string[];
}

export async function loadPendingCharge(db: Queryable, id: string): Promise<PendingCharge | undefined> {
    const found = await db.query<{
        id: string;
        number: number;
        billing_account_id: string;
        kind: PurchaseKind;
        total_cents: number;
        created_at: Date;
        processor_key: string;
        idempotency_key: string;
        fallback_source_ids: string[];
        source_id: string;
        token: string;
        brand: string;
        last4: string;
        exp_month: number | null;
        exp_year: number | null;
    }>(
        `SELECT t.id, t.number, t.billing_account_id, t.kind, t.total_cents, t.created_at, t.processor_key,
                t.idempotency_key, t.fallback_source_ids, f.id AS source_id, f.token, f.brand, f.last4,
                f.exp_month, f.exp_year
         FROM sales_transactions t JOIN funding_sources f ON f.id = t.funding_source_id
         WHERE t.id = $1 AND t.status = 'pending'`,
        [id]
    );
    const row = found.rows[0];
    if (row === undefined) return undefined;
    return {
        id: row.id,
        number: formatTransactionNumber(row.number),
        accountId: row.billing_account_id,
        kind: row.kind,
        totalCents: row.total_cents,
        createdAt: row.created_at,
        processorKey: row.processor_key,
        idempotencyKey: row.idempotency_key,
        source: {
            id: row.source_id,
            token: row.token,
            brand: row.brand,
            last4: row.last4,
            expMonth: row.exp_month,
            expYear: row.exp_year
        },
        fallbackSourceIds: row.fallback_source_ids
    };
}

/** Settles a pending charge as paid; false when another settler got there first. */
export async function markChargeSucceeded(tx: Tx, id: string, processorReference: string): Promise<boolean> {
    const updated = await tx.query(
        `UPDATE sales_transactions SET status = 'succeeded', processor_reference = $2, settled_at = clock_timestamp()
         WHERE id = $1 AND status = 'pending'`,
        [id, processorReference]
    );
    return updated.rowCount === 1;
}

export interface Decline {
    declineCode: string;
    message: string;
    processorReference?: string;
}

/** Settles a pending charge as declined (the last source tried is kept on it). */
export async function markChargeFailed(db: Queryable, id: string, decline: Decline): Promise<void> {
    await db.query(
        `UPDATE sales_transactions SET status = 'failed', decline_code = $2, decline_message = $3,
             processor_reference = $4, settled_at = clock_timestamp()
         WHERE id = $1 AND status = 'pending'`,
        [id, decline.declineCode, decline.message, decline.processorReference ?? null]
    );
}

/** After a decline, the charge moves to its next source with that source's own fixed key. */
export async function moveChargeToSource(
    db: Queryable,
    charge: Pick<PendingCharge, 'id' | 'accountId' | 'idempotencyKey' | 'source'>,
    sourceId: string
): Promise<void> {
    await db.query(
        `UPDATE sales_transactions SET funding_source_id = $3, processor_key = $4,
             fallback_source_ids = fallback_source_ids[2:]
         WHERE id = $1 AND status = 'pending' AND funding_source_id = $2`,
        [
            charge.id,
            charge.source.id,
            sourceId,
            processorKeyOf(charge.accountId, charge.idempotencyKey, sourceId)
        ]
    );
}

/** The change paid for by this charge committed (in `tx`); false when an earlier run had applied it. */
export async function markChargeApplied(tx: Tx, id: string): Promise<boolean> {
    const updated = await tx.query(
        'UPDATE sales_transactions SET applied_at = clock_timestamp() WHERE id = $1 AND applied_at IS NULL',
        [id]
    );
    return updated.rowCount === 1;
}

/**
 * Another change's charge on this account that is in flight (pending, or paid and its change not yet
 * committed) since less than `freshMs`: a change waits for it, so that what it computes is not made
 * stale by the other's commit. Older ones are the reconciler's.
 */
export async function hasChargeInFlight(
    tx: Tx,
    accountId: string,
    exceptKey: string,
    freshMs: number
): Promise<boolean> {
    const found = await tx.query(
        `SELECT 1 FROM sales_transactions
         WHERE billing_account_id = $1 AND idempotency_key <> $2
           AND (status = 'pending' OR (status = 'succeeded' AND applied_at IS NULL))
           AND coalesce(settled_at, pending_since) > clock_timestamp() - make_interval(secs => $3::float8 / 1000)
         LIMIT 1`,
        [accountId, exceptKey, freshMs]
    );
    return found.rowCount !== 0;
}

/** Pending charges that became pending more than `olderThanMs` ago, oldest first. */
export async function listStalePendingCharges(
    db: Queryable,
    olderThanMs: number,
    limit: number
): Promise<string[]> {
    const found = await db.query<{ id: string }>(
        `SELECT id FROM sales_transactions
         WHERE status = 'pending' AND pending_since < clock_timestamp() - make_interval(secs => $1::float8 / 1000)
         ORDER BY pending_since LIMIT $2`,
        [olderThanMs, limit]
    );
    return found.rows.map((row) => row.id);
}
