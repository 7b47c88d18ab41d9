import { createHash } from 'node:crypto';
import { isCents, type Cents } from '../../../core/money/cents';
import type { Tx } from '../db/pool';
import { serviceError } from '../kernel/serviceError';
import { LEDGER_ACCOUNTS, type LedgerAccountCode } from './ledgerAccounts';
import { countLedgerTransfer } from './ledgerMetrics';

/** One leg of a transfer: exactly one of debit or credit, a positive amount of cents. */
export type LedgerEntryInput =
    | { account: LedgerAccountCode; debitCents: Cents; creditCents?: undefined }
    | { account: LedgerAccountCode; creditCents: Cents; debitCents?: undefined };

export interface TransferInput {
    /** Client-chosen and unique (e.g. `purchase:<transaction id>`): a retry with the same payload is a no-op. */
    id: string;
    billingAccountId: string;
    /** What moved money: 'license_proration', 'minutes_purchase', 'service_purchase', 'payment', ... */
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
    const inserted = await tx.query(
        `INSERT INTO ledger_transfers (id, billing_account_id, kind, description, phase, pending_id, payload_hash, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [
            transfer.id,
            transfer.billingAccountId,
            transfer.kind,
            transfer.description,
            transfer.phase,
            transfer.pendingId,
            payloadHash,
            transfer.at
        ]
    );
    if (inserted.rowCount === 0) {
        const existing = await tx.query<{ payload_hash: string }>(
            'SELECT payload_hash FROM ledger_transfers WHERE id = $1',
            [transfer.id]
        );
        if (existing.rows[0]?.payload_hash === payloadHash)
            return { id: transfer.id, status: 'already_done' };
        throw serviceError(
            'transfer_id_reused',
            `Ledger transfer ${transfer.id} was already posted with other amounts.`
        );
    }
    for (const entry of transfer.entries) {
        const accountId = await ledgerAccountId(tx, transfer.billingAccountId, entry.account);
        await tx.query(
            'INSERT INTO ledger_entries (transfer_id, ledger_account_id, amount_cents) VALUES ($1, $2, $3)',
            [transfer.id, accountId, entry.amount]
        );
    }
    countLedgerTransfer(transfer.kind, transfer.phase);
    return { id: transfer.id, status: 'created' };
}

/** The id of a billing account's ledger account, created on first use. */
export async function ledgerAccountId(
    tx: Tx,
    billingAccountId: string,
    code: LedgerAccountCode
): Promise<string> {
    const result = await tx.query<{ id: string }>(
        `WITH created AS (
             INSERT INTO ledger_accounts (billing_account_id, code, normal_side) VALUES ($1, $2, $3)
             ON CONFLICT (billing_account_id, code) DO NOTHING RETURNING id)
         SELECT id FROM created UNION ALL
         SELECT id FROM ledger_accounts WHERE billing_account_id = $1 AND code = $2`,
        [billingAccountId, code, LEDGER_ACCOUNTS[code]]
    );
    const row = result.rows[0] ?? (await selectLedgerAccount(tx, billingAccountId, code));
    if (row === undefined)
        throw new Error(`ledger account ${code} of ${billingAccountId} could not be created`);
    return row.id;
}

// Another transaction created it between our statement's snapshot and its insert: read it again.
async function selectLedgerAccount(tx: Tx, billingAccountId: string, code: LedgerAccountCode) {
    const result = await tx.query<{ id: string }>(
        'SELECT id FROM ledger_accounts WHERE billing_account_id = $1 AND code = $2',
        [billingAccountId, code]
    );
    return result.rows[0];
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
