/**
 * recordPurchase — the ONE function every charge goes through (licenses, services, minutes,
 * storage, the monthly cycle).
 *
 *     const purchase = await recordPurchase(tx, { pool, processor }, {
 *         accountId, kind: 'licenses',
 *         lines: [{ productCode: 'CRM', description: 'CRM (prorated)', quantity: 2, unitPriceCents: 6500,
 *                   prorationDays: { days: 9, daysInMonth: 30 }, amountCents: 3900 }],
 *         idempotencyKey,            // the request's Idempotency-Key (or e.g. `cycle:2026-12`)
 *         now,                       // injected clock
 *         fundingSourceId            // optional: default primary; kind 'cycle' falls back to secondary (R4.2)
 *     });
 *     // → { transactionId, number: 'TRX-000123', status: 'succeeded', totalCents, fundingSourceId, alreadyRecorded }
 *
 * Runs inside the caller's transaction `tx` and locks the billing account row. It charges the
 * processor with a key derived from ours, then writes the transaction, its lines and the ledger
 * transfers (sale: receivable → revenue or minutes_prepaid; payment: processor_clearing → receivable)
 * in `tx`, so they commit with the caller's change.
 *
 * A decline throws ServiceError `payment_declined` (402, the processor's reason in the message). Before
 * throwing, the failed transaction is recorded on a connection of its own (sidePoolFor(pool)), so it survives
 * the rollback of `tx` that the throw causes: nothing else changes.
 *
 * The same key again → the first result, charged once (a succeeded purchase is returned with
 * `alreadyRecorded: true`; a declined one throws the same decline without charging again).
 * To try a declined charge again (R4.2's retry), use a new key, e.g. `cycle:2026-12:attempt-2`.
 */
import { type Cents, isCents, formatUsd, fundingSourceName } from '../../../core/index';
import type { Pool, Queryable, Tx } from '../db/pool';
import {
    findSourceByRole,
    getFundingSource,
    isSourceExpired,
    type FundingSource
} from '../funding/fundingSourceRepository';
import type { LedgerEntryInput } from '../ledger/postTransfer';
import { postTransfer } from '../ledger/postTransfer';
import { serviceError, type ServiceError } from '../kernel/serviceError';
import type { ChargeResult, PaymentProcessor } from '../kernel/paymentProcessor';
import { countPayment } from '../payments/paymentMetrics';
import { sidePoolFor } from '../payments/sidePool';
import { creditAccountOf, reportedKindOf, type PurchaseKind } from './purchaseKinds';
import { formatTransactionNumber } from './transactionNumber';

export interface PurchaseLine {
    productCode: string;
    description: string;
    quantity: number;
    unitPriceCents: Cents;
    /** R3.4 prorated lines: days charged (today included) of the days in the billing month. */
    prorationDays?: { days: number; daysInMonth: number };
    amountCents: Cents;
}

export interface PurchaseInput {
    accountId: string;
    kind: PurchaseKind;
    lines: readonly PurchaseLine[];
    fundingSourceId?: string;
    idempotencyKey: string;
    now: Date;
}

export interface RecordedPurchase {
    transactionId: string;
    number: string;
    status: 'succeeded';
    totalCents: Cents;
    fundingSourceId: string;
    /** True when this key had already been recorded: nothing was charged this time. */
    alreadyRecorded: boolean;
}

export interface MoneyDeps {
    pool: Pool;
    processor: PaymentProcessor;
}

interface Attempt {
    source: FundingSource;
    result: ChargeResult;
}

export async function recordPurchase(
    tx: Tx,
    deps: MoneyDeps,
    input: PurchaseInput
): Promise<RecordedPurchase> {
    const totalCents = checkedTotal(input.lines);
    await tx.query('SELECT id FROM billing_accounts WHERE id = $1 FOR NO KEY UPDATE', [input.accountId]);
    const earlier = await findEarlierPurchase(tx, input, totalCents);
    if (earlier !== undefined) return earlier;

    const attempts: Attempt[] = [];
    for (const source of await sourcesToTry(tx, input)) {
        const result = await chargeSource(deps.processor, source, input, totalCents);
        attempts.push({ source, result });
        if (result.status === 'succeeded') {
            return recordSuccess(tx, input, totalCents, source, result.processorReference);
        }
    }
    const last = attempts.at(-1);
    if (last === undefined || last.result.status === 'succeeded')
        throw new Error('unreachable: no declined attempt');
    const failed = await insertTransaction(sidePoolFor(deps.pool), input, totalCents, {
        status: 'failed',
        sourceId: last.source.id,
        processorReference: last.result.processorReference ?? null,
        declineCode: last.result.declineCode,
        declineMessage: last.result.message
    });
    throw declinedError(failed?.number ?? null, last.result.declineCode, last.result.message, totalCents);
}

function checkedTotal(lines: readonly PurchaseLine[]): Cents {
    if (lines.length === 0) throw serviceError('invalid_purchase', 'A purchase needs at least one line.');
    let total = 0;
    for (const line of lines) {
        const valid =
            isCents(line.amountCents) &&
            line.amountCents >= 0 &&
            isCents(line.unitPriceCents) &&
            line.unitPriceCents >= 0 &&
            Number.isSafeInteger(line.quantity) &&
            line.quantity > 0;
        if (!valid) {
            throw serviceError(
                'invalid_purchase',
                `The line "${line.description}" has an invalid quantity, price or amount.`
            );
        }
        total += line.amountCents;
    }
    if (!isCents(total) || total <= 0)
        throw serviceError('invalid_purchase', 'A purchase must total more than $0.00.');
    return total;
}

function declinedError(
    number: string | null,
    declineCode: string,
    message: string,
    totalCents: Cents
): ServiceError {
    return serviceError(
        'payment_declined',
        `The payment of ${formatUsd(totalCents)} was declined: ${message}`,
        {
            transactionNumber: number,
            declineCode
        }
    );
}

async function findEarlierPurchase(
    tx: Tx,
    input: PurchaseInput,
    totalCents: Cents
): Promise<RecordedPurchase | undefined> {
    const found = await tx.query<TransactionRow>(
        `SELECT id, number, kind, status, total_cents, funding_source_id, decline_code, decline_message
         FROM sales_transactions WHERE billing_account_id = $1 AND idempotency_key = $2`,
        [input.accountId, input.idempotencyKey]
    );
    const row = found.rows[0];
    if (row === undefined) return undefined;
    if (row.kind !== input.kind || row.total_cents !== totalCents) {
        throw serviceError(
            'purchase_key_reused',
            `This request key was already used for another purchase (${formatTransactionNumber(row.number)}).`
        );
    }
    if (row.status === 'failed') {
        throw declinedError(
            formatTransactionNumber(row.number),
            row.decline_code ?? 'declined',
            row.decline_message ?? '',
            totalCents
        );
    }
    return {
        transactionId: row.id,
        number: formatTransactionNumber(row.number),
        status: 'succeeded',
        totalCents,
        fundingSourceId: row.funding_source_id ?? '',
        alreadyRecorded: true
    };
}

interface TransactionRow {
    id: string;
    number: number;
    kind: PurchaseKind;
    status: 'succeeded' | 'failed';
    total_cents: number;
    funding_source_id: string | null;
    decline_code: string | null;
    decline_message: string | null;
}

/** An explicit source; else the primary, and for the monthly cycle the secondary after it (R4.2). */
async function sourcesToTry(db: Queryable, input: PurchaseInput): Promise<FundingSource[]> {
    if (input.fundingSourceId !== undefined)
        return [await getFundingSource(db, input.accountId, input.fundingSourceId)];
    const primary = await findSourceByRole(db, input.accountId, 'primary');
    const secondary =
        input.kind === 'cycle' ? await findSourceByRole(db, input.accountId, 'secondary') : undefined;
    const sources = [primary, secondary].filter((source): source is FundingSource => source !== undefined);
    if (sources.length === 0) {
        throw serviceError(
            'no_funding_source',
            'This account has no funding source to charge. Add a card or bank account first.'
        );
    }
    return sources;
}

async function chargeSource(
    processor: PaymentProcessor,
    source: FundingSource,
    input: PurchaseInput,
    totalCents: Cents
): Promise<ChargeResult> {
    if (isSourceExpired(source, input.now)) {
        return {
            status: 'declined',
            declineCode: 'expired_card',
            message: `The card ${fundingSourceName(source)} has expired.`
        };
    }
    const result = await processor.charge({
        token: source.token,
        amountCents: totalCents,
        description: `PowerDialer ${input.kind}`,
        // Scoped to the account and the source: a fallback to the secondary is a new charge.
        idempotencyKey: `${input.accountId}:${input.idempotencyKey}:${source.id}`
    });
    countPayment(processor.name, result);
    return result;
}

async function recordSuccess(
    tx: Tx,
    input: PurchaseInput,
    totalCents: Cents,
    source: FundingSource,
    processorReference: string
): Promise<RecordedPurchase> {
    const created = await insertTransaction(tx, input, totalCents, {
        status: 'succeeded',
        sourceId: source.id,
        processorReference,
        declineCode: null,
        declineMessage: null
    });
    if (created === undefined) throw new Error('a succeeded purchase was recorded twice under one key');
    await postTransfer(tx, {
        id: `sale:${created.id}`,
        billingAccountId: input.accountId,
        kind: `${input.kind}_sale`,
        description: `${created.number} ${input.kind}`,
        entries: saleEntries(input, totalCents),
        at: input.now
    });
    await postTransfer(tx, {
        id: `payment:${created.id}`,
        billingAccountId: input.accountId,
        kind: 'payment',
        description: `${created.number} paid by ${source.brand} ${source.last4}`,
        entries: [
            { account: 'processor_clearing', debitCents: totalCents },
            { account: 'receivable', creditCents: totalCents }
        ],
        at: input.now
    });
    return {
        transactionId: created.id,
        number: created.number,
        status: 'succeeded',
        totalCents,
        fundingSourceId: source.id,
        alreadyRecorded: false
    };
}

function saleEntries(input: PurchaseInput, totalCents: Cents): LedgerEntryInput[] {
    const credits = new Map<ReturnType<typeof creditAccountOf>, Cents>();
    for (const line of input.lines) {
        const account = creditAccountOf(reportedKindOf(input.kind, line.productCode));
        credits.set(account, (credits.get(account) ?? 0) + line.amountCents);
    }
    const entries: LedgerEntryInput[] = [{ account: 'receivable', debitCents: totalCents }];
    for (const [account, amount] of credits) {
        if (amount > 0) entries.push({ account, creditCents: amount });
    }
    return entries;
}

interface Outcome {
    status: 'succeeded' | 'failed';
    sourceId: string;
    processorReference: string | null;
    declineCode: string | null;
    declineMessage: string | null;
}

/** Inserts the transaction and its lines; undefined when this key is already recorded. */
async function insertTransaction(
    db: Queryable,
    input: PurchaseInput,
    totalCents: Cents,
    outcome: Outcome
): Promise<{ id: string; number: string } | undefined> {
    const inserted = await db.query<{ id: string; number: number }>(
        `WITH txn AS (
             INSERT INTO sales_transactions (billing_account_id, kind, status, funding_source_id, total_cents,
                 processor_reference, decline_code, decline_message, idempotency_key, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
             ON CONFLICT (billing_account_id, idempotency_key) DO NOTHING
             RETURNING id, number),
         lines AS (
             INSERT INTO sales_transaction_lines (transaction_id, line_number, product_code, description, quantity,
                 unit_price_cents, proration_days, days_in_month, amount_cents)
             SELECT txn.id, line.line_number, line.product_code, line.description, line.quantity,
                    line.unit_price_cents, line.proration_days, line.days_in_month, line.amount_cents
             FROM txn, jsonb_to_recordset($11::jsonb) AS line(line_number integer, product_code text, description text,
                 quantity integer, unit_price_cents bigint, proration_days integer, days_in_month integer, amount_cents bigint)
         )
         SELECT id, number FROM txn`,
        [
            input.accountId,
            input.kind,
            outcome.status,
            outcome.sourceId,
            totalCents,
            outcome.processorReference,
            outcome.declineCode,
            outcome.declineMessage,
            input.idempotencyKey,
            input.now,
            JSON.stringify(input.lines.map((line, index) => lineRecord(line, index + 1)))
        ]
    );
    const row = inserted.rows[0];
    return row === undefined ? undefined : { id: row.id, number: formatTransactionNumber(row.number) };
}

function lineRecord(line: PurchaseLine, lineNumber: number) {
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
