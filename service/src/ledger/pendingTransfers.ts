import type { Cents } from '../../../core/money/cents';
import type { Tx } from '../db/pool';
import { lockTransfer, transferEntries } from './ledgerRepository';
import { insertTransfer, type SignedEntry, type TransferOutcome } from './postTransfer';

interface PendingTransfer {
    billingAccountId: string;
    kind: string;
    entries: SignedEntry[];
}

/**
 * Posts a pending transfer (e.g. the minutes a finished call really used). `amountCents` may be
 * lower than the reservation for a two-entry transfer; the rest of the reservation is released.
 */
export async function postPendingTransfer(
    tx: Tx,
    input: { id: string; pendingId: string; amountCents?: Cents; description: string; at: Date }
): Promise<TransferOutcome> {
    const pending = await loadPending(tx, input.pendingId);
    const entries =
        input.amountCents === undefined ? pending.entries : scaleTwoLegs(pending, input.amountCents);
    return insertTransfer(tx, {
        id: input.id,
        billingAccountId: pending.billingAccountId,
        kind: pending.kind,
        description: input.description,
        phase: 'post_pending',
        pendingId: input.pendingId,
        entries,
        at: input.at
    });
}

/** Releases a pending transfer: nothing is posted. */
export async function voidPendingTransfer(
    tx: Tx,
    input: { id: string; pendingId: string; description: string; at: Date }
): Promise<TransferOutcome> {
    const pending = await loadPending(tx, input.pendingId);
    return insertTransfer(tx, {
        id: input.id,
        billingAccountId: pending.billingAccountId,
        kind: pending.kind,
        description: input.description,
        phase: 'void_pending',
        pendingId: input.pendingId,
        entries: [],
        at: input.at
    });
}

async function loadPending(tx: Tx, pendingId: string): Promise<PendingTransfer> {
    const row = await lockTransfer(tx, pendingId);
    if (row?.phase !== 'pending') throw new Error(`ledger transfer ${pendingId} is not a pending transfer`);
    const entries = await transferEntries(tx, pendingId);
    return {
        billingAccountId: row.billing_account_id,
        kind: row.kind,
        entries: entries.map((entry) => ({ account: entry.code, amount: entry.amount_cents }))
    };
}

function scaleTwoLegs(pending: PendingTransfer, amountCents: Cents): SignedEntry[] {
    const [first, second] = pending.entries;
    if (pending.entries.length !== 2 || first === undefined || second === undefined) {
        throw new Error('only a two-entry pending transfer can be posted for a different amount');
    }
    const reserved = Math.abs(first.amount);
    if (!Number.isSafeInteger(amountCents) || amountCents <= 0 || amountCents > reserved) {
        throw new Error(`a pending transfer of ${reserved} cents cannot post ${amountCents}`);
    }
    return [first, second].map((entry) => ({
        account: entry.account,
        amount: Math.sign(entry.amount) * amountCents
    }));
}
