import { createHash } from 'node:crypto';
import { isCents, type Cents } from '../../../core/money/cents';
import type { Tx } from '../db/pool';
import { serviceError } from '../kernel/serviceError';
import type { LedgerAccountCode } from './ledgerAccounts';
import { countLedgerTransfer } from './ledgerMetrics';
import {
    insertLedgerEntry,
    insertTransferRow,
    ledgerAccountId,
    transferPayloadHash
} from './ledgerRepository';

/** One leg of a transfer: exactly one of debit or credit, a positive amount of cents. */
export type LedgerEntryInput =
    | { account: LedgerAccountCode; debitCents: Cents; creditCents?: undefined }
    | { account: LedgerAccountCode; creditCents: Cents; debitCents?: undefined };

export interface TransferInput {
    /** Client-chosen and unique (e.g. `purchase:<transaction id>`): a retry with the same payload is a no-op. */
    id: string;
    billingAccountId: string;
    /**
     * What moved money. The kinds written today: `<purchase kind>_sale` (recordPurchase: what a
     * purchase sold, e.g. `licenses_sale`, `minutes_sale`, `cycle_sale`), `payment` (recordPurchase:
     * the processor's charge paying it) and `minutes_usage` (recordUsage: prepaid minutes used by
     * calls and texts). A pending transfer's post or void keeps the pending transfer's kind.
     */
    kind: string;
    description: string;
    entries: readonly LedgerEntryInput[];
    /** 'pending' reserves (e.g. a call in progress) until postPendingTransfer or voidPendingTransfer. */
    phase?: 'posted' | 'pending';
    at: Date;
}

export interface TransferOutcome {
    id: string;
    /** 'already_done' when this id was posted before with the same payload. */
    status: 'created' | 'already_done';
}

/**
 * Records one immutable transfer whose entries sum to zero (checked here and, at commit, by a
 * constraint trigger). Runs inside the caller's transaction, so the change it pays for and its
 * money movement commit together.
 */
export async function postTransfer(tx: Tx, input: TransferInput): Promise<TransferOutcome> {
    const signed = input.entries.map((entry) => ({ account: entry.account, amount: signedAmount(entry) }));
    if (signed.length < 2) throw new Error(`ledger transfer ${input.id} needs at least two entries`);
    if (signed.reduce((total, entry) => total + BigInt(entry.amount), 0n) !== 0n) {
        throw new Error(`ledger transfer ${input.id} does not balance`);
    }
    const phase = input.phase ?? 'posted';
    return insertTransfer(tx, {
        id: input.id,
        billingAccountId: input.billingAccountId,
        kind: input.kind,
        description: input.description,
        phase,
        pendingId: null,
        entries: signed,
        at: input.at
    });
}

export interface SignedEntry {
    account: LedgerAccountCode;
    /** Debits positive, credits negative. */
    amount: Cents;
}

export interface TransferRow {
    id: string;
    billingAccountId: string;
    kind: string;
    description: string;
    phase: 'posted' | 'pending' | 'post_pending' | 'void_pending';
    pendingId: string | null;
    entries: readonly SignedEntry[];
    at: Date;
}

/** Inserts a transfer with its entries unless its id exists; the same id with another payload is refused. */
export async function insertTransfer(tx: Tx, transfer: TransferRow): Promise<TransferOutcome> {
    const payloadHash = hashPayload(transfer);
    const inserted = await insertTransferRow(tx, transfer, payloadHash);
    if (!inserted) {
        const existing = await transferPayloadHash(tx, transfer.id);
        if (existing === payloadHash) return { id: transfer.id, status: 'already_done' };
        throw serviceError(
            'transfer_id_reused',
            `Ledger transfer ${transfer.id} was already posted with other amounts.`
        );
    }
    for (const entry of transfer.entries) {
        const accountId = await ledgerAccountId(tx, transfer.billingAccountId, entry.account);
        await insertLedgerEntry(tx, {
            transferId: transfer.id,
            ledgerAccountId: accountId,
            amountCents: entry.amount
        });
    }
    countLedgerTransfer(transfer.kind, transfer.phase);
    return { id: transfer.id, status: 'created' };
}

function signedAmount(entry: LedgerEntryInput): Cents {
    const amount = entry.debitCents ?? entry.creditCents;
    if (!isCents(amount) || amount <= 0)
        throw new Error(`ledger entry amounts are positive cents, got ${String(amount)}`);
    return entry.debitCents === undefined ? -amount : amount;
}

function hashPayload(transfer: TransferRow): string {
    const entries = [...transfer.entries]
        .map((entry) => `${entry.account}:${entry.amount}`)
        .sort()
        .join(',');
    const canonical = JSON.stringify([
        transfer.billingAccountId,
        transfer.kind,
        transfer.description,
        transfer.phase,
        transfer.pendingId,
        entries
    ]);
    return createHash('sha256').update(canonical).digest('hex');
}
