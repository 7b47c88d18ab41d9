/**
 * recordPurchase — the ONE function every charge goes through (licenses, services, minutes,
 * storage, the monthly cycle).
 *
 *     const purchase = await recordPurchase(tx, { pool, processor }, {
 *         accountId, kind: 'licenses',
 *         lines: [{ productCode: 'CRM', description: 'CRM (prorated)', quantity: 2, unitPriceCents: 6500,
 *                   prorationDays: { days: 9, daysInMonth: 30 }, amountCents: 3900 }],
 *         idempotencyKey,            // the request's Idempotency-Key (or e.g. `cycle:2026-12:1`)
 *         now,                       // injected clock
 *         fundingSourceId            // optional: default primary; kind 'cycle' falls back to secondary (R4.2)
 *     });
 *     // → { transactionId, number: 'TRX-000123', status: 'succeeded', totalCents, fundingSourceId, alreadyRecorded }
 *
 * Charge after commit (issue 9). `tx` must come from withTransaction. The first time a key is seen,
 * recordPurchase gives the transaction up (needOutsideWork): withTransaction rolls it back and, with
 * no connection or lock held, records the charge as pending (amount, lines, sources, processor key)
 * and commits it, calls the processor, and settles the charge in a second transaction (paid → the
 * sale and payment ledger transfers; declined → the next source or `failed`), see driveCharge.
 * Then the caller's work runs again from the start, and here finds the settled charge: paid → it
 * returns the purchase (the caller's change commits with it); declined → ServiceError
 * `payment_declined` (402), whose failed transaction is already committed, so nothing else changes.
 * No answer within the processor timeout → ServiceError `payment_pending` (202): the charge stays
 * pending and the same key later (a retry, or reconcilePendingCharges) finishes it.
 *
 * A change waits (without a connection) while another change's charge on the same account is in
 * flight, so what it computes cannot be made stale by the other's commit.
 *
 * The same key again → the first result, charged once (a paid purchase whose change committed
 * before is returned with `alreadyRecorded: true`; a declined one throws the same decline without
 * charging again). To try a declined charge again (R4.2's retry), use a new key.
 */
import { type Cents, isCents, formatUsd } from '../../../core/index';
import type { Queryable, Tx } from '../db/pool';
import { needOutsideWork, runMemory } from '../db/withTransaction';
import { findSourceByRole, getFundingSource, type FundingSource } from '../funding/fundingSourceRepository';
import { serviceError, type ServiceError } from '../kernel/serviceError';
import {
    findChargeById,
    findChargeByKey,
    insertPendingCharge,
    loadChargeLines,
    lockAccountForCharge,
    markChargeApplied,
    type ChargeRecord
} from './chargeRepository';
import { waitForChargesInFlight } from './chargesInFlight';
import { driveCharge, type MoneyDeps } from './driveCharge';
import { sidePoolFor } from '../payments/sidePool';
import { creditAccountOf, reportedKindOf, type PurchaseKind } from './purchaseKinds';
import { postTransfer, type LedgerEntryInput } from '../ledger/postTransfer';

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

export type { MoneyDeps };

export async function recordPurchase(
    tx: Tx,
    deps: MoneyDeps,
    input: PurchaseInput
): Promise<RecordedPurchase> {
    const totalCents = checkedTotal(input.lines);
    const memory = runMemory(tx);
    const slot = memory.slot('recordPurchase');
    await lockAccountForCharge(tx, input.accountId);
    // A charge made for this call in an earlier run is found by the note the run left, not by the
    // key: a caller may compute its key again differently (e.g. from a count of declined attempts).
    const noted = memory.remembered.get(slot);
    const earlier =
        typeof noted === 'string'
            ? await findChargeById(tx, noted)
            : await findChargeByKey(tx, input.accountId, input.idempotencyKey);
    if (earlier !== undefined)
        return outcomeOf(tx, deps, earlier, input, typeof noted === 'string' ? undefined : totalCents);
    await waitForChargesInFlight(tx, input.accountId, input.idempotencyKey);
    const sourceIds = (await sourcesToTry(tx, input)).map((source) => source.id);
    // Committed at once on a connection of its own while this transaction still holds the account:
    // from here on, every other change to the account waits for this charge (waitForChargesInFlight).
    const charge = await insertPendingCharge(sidePoolFor(deps.pool), { ...input, totalCents, sourceIds });
    memory.remembered.set(slot, charge.id);
    return needOutsideWork(async () => {
        const outcome = await driveCharge(deps, charge.id, { askFirst: false });
        if (outcome === 'pending') throw paymentPending({ number: charge.number, totalCents });
    });
}

/**
 * What became of the charge: paid → the sale posts (once) with the caller's change; declined → 402;
 * pending → drive it first. `expectedTotal`: a client's retry under its key must ask for the same
 * purchase; a charge made for this very call (found by the run's note) stands as it was paid.
 */
async function outcomeOf(
    tx: Tx,
    deps: MoneyDeps,
    charge: ChargeRecord,
    input: PurchaseInput,
    expectedTotal: Cents | undefined
): Promise<RecordedPurchase> {
    if (expectedTotal !== undefined && (charge.kind !== input.kind || charge.totalCents !== expectedTotal)) {
        throw serviceError(
            'purchase_key_reused',
            `This request key was already used for another purchase (${charge.number}).`
        );
    }
    if (charge.status === 'pending') return settlePendingFirst(deps, charge);
    if (charge.status === 'failed') {
        throw declinedError(
            charge.number,
            charge.declineCode ?? 'declined',
            charge.declineMessage ?? '',
            charge.totalCents
        );
    }
    const appliedNow = await markChargeApplied(tx, charge.id);
    if (appliedNow) await postSale(tx, charge, input.now);
    return {
        transactionId: charge.id,
        number: charge.number,
        status: 'succeeded',
        totalCents: charge.totalCents,
        fundingSourceId: charge.fundingSourceId ?? '',
        alreadyRecorded: !appliedNow
    };
}

/** A charge still pending: drive it (asking the processor what became of its key), then run again; else 202. */
function settlePendingFirst(deps: MoneyDeps, charge: ChargeRecord): never {
    return needOutsideWork(async () => {
        if ((await driveCharge(deps, charge.id, { askFirst: true })) === 'pending')
            throw paymentPending(charge);
    });
}

function paymentPending(charge: Pick<ChargeRecord, 'number' | 'totalCents'>): ServiceError {
    return serviceError(
        'payment_pending',
        `The payment of ${formatUsd(charge.totalCents)} (${charge.number}) was sent, but the processor has not answered yet. Nothing is lost or charged twice: send the same request again (same Idempotency-Key) in a moment to see it completed.`,
        { transactionNumber: charge.number }
    );
}

/** The sale of the charged lines (receivable → revenue or prepaid minutes), posted with the change it pays for. */
async function postSale(tx: Tx, charge: ChargeRecord, now: Date): Promise<void> {
    const credits = new Map<ReturnType<typeof creditAccountOf>, Cents>();
    for (const line of await loadChargeLines(tx, charge.id)) {
        const account = creditAccountOf(reportedKindOf(charge.kind, line.productCode));
        credits.set(account, (credits.get(account) ?? 0) + line.amountCents);
    }
    const entries: LedgerEntryInput[] = [{ account: 'receivable', debitCents: charge.totalCents }];
    for (const [account, amount] of credits) {
        if (amount > 0) entries.push({ account, creditCents: amount });
    }
    await postTransfer(tx, {
        id: `sale:${charge.id}`,
        billingAccountId: charge.accountId,
        kind: `${charge.kind}_sale`,
        description: `${charge.number} ${charge.kind}`,
        entries,
        at: now
    });
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
