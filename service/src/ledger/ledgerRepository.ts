import type { Cents } from '../../../core/money/cents';
import type { Queryable, Tx } from '../db/pool';
import { LEDGER_ACCOUNTS, type LedgerAccountCode } from './ledgerAccounts';
import type { TransferRow } from './postTransfer';

/** Inserts a transfer's row unless its id exists; false when it did. */
export async function insertTransferRow(
    tx: Tx,
    transfer: TransferRow,
    payloadHash: string
): Promise<boolean> {
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
    return inserted.rowCount !== 0;
}

export async function transferPayloadHash(tx: Tx, id: string): Promise<string | undefined> {
    const existing = await tx.query<{ payload_hash: string }>(
        'SELECT payload_hash FROM ledger_transfers WHERE id = $1',
        [id]
    );
    return existing.rows[0]?.payload_hash;
}

export async function insertLedgerEntry(
    tx: Tx,
    entry: { transferId: string; ledgerAccountId: string; amountCents: Cents }
): Promise<void> {
    await tx.query(
        'INSERT INTO ledger_entries (transfer_id, ledger_account_id, amount_cents) VALUES ($1, $2, $3)',
        [entry.transferId, entry.ledgerAccountId, entry.amountCents]
    );
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

/** The signed sums of one ledger account's posted entries and of its open reservations. */
export async function sumLedgerAccount(
    db: Queryable,
    billingAccountId: string,
    code: LedgerAccountCode
): Promise<{ posted: number; pending: number } | undefined> {
    const result = await db.query<{ posted: number; pending: number }>(
        `SELECT
             coalesce(sum(e.amount_cents) FILTER (WHERE t.phase IN ('posted', 'post_pending')), 0)::bigint AS posted,
             coalesce(sum(e.amount_cents) FILTER (
                 WHERE t.phase = 'pending'
                   AND NOT EXISTS (SELECT 1 FROM ledger_transfers r WHERE r.pending_id = t.id)), 0)::bigint AS pending
         FROM ledger_accounts a
         JOIN ledger_entries e ON e.ledger_account_id = a.id
         JOIN ledger_transfers t ON t.id = e.transfer_id
         WHERE a.billing_account_id = $1 AND a.code = $2`,
        [billingAccountId, code]
    );
    return result.rows[0];
}

export interface TransferTotals {
    id: string;
    phase: string;
    total: number;
    entries: number;
    foreign: number;
}

/** Per transfer: the sum and count of its entries, and how many sit in another billing account. */
export async function transferTotals(db: Queryable): Promise<TransferTotals[]> {
    const transfers = await db.query<TransferTotals>(
        `SELECT t.id, t.phase,
                coalesce(sum(e.amount_cents), 0)::bigint AS total,
                count(e.id)::int AS entries,
                count(e.id) FILTER (WHERE a.billing_account_id <> t.billing_account_id)::int AS foreign
         FROM ledger_transfers t
         LEFT JOIN ledger_entries e ON e.transfer_id = t.id
         LEFT JOIN ledger_accounts a ON a.id = e.ledger_account_id
         GROUP BY t.id, t.phase`
    );
    return transfers.rows;
}

/** The sum of every ledger account's balance (zero when the books balance). */
export async function sumOfAllBalances(db: Queryable): Promise<number> {
    const balances = await db.query<{ total: number }>(
        `SELECT coalesce(sum(balance), 0)::bigint AS total FROM (
             SELECT sum(amount_cents) AS balance FROM ledger_entries GROUP BY ledger_account_id) per_account`
    );
    return balances.rows[0]?.total ?? 0;
}

/** Locks a transfer's row (a pending transfer about to be posted or voided). */
export async function lockTransfer(
    tx: Tx,
    id: string
): Promise<{ billing_account_id: string; kind: string; phase: string } | undefined> {
    const transfer = await tx.query<{ billing_account_id: string; kind: string; phase: string }>(
        'SELECT billing_account_id, kind, phase FROM ledger_transfers WHERE id = $1 FOR UPDATE',
        [id]
    );
    return transfer.rows[0];
}

/** A transfer's entries, in the order they were written. */
export async function transferEntries(
    tx: Tx,
    id: string
): Promise<{ code: LedgerAccountCode; amount_cents: number }[]> {
    const entries = await tx.query<{ code: LedgerAccountCode; amount_cents: number }>(
        `SELECT a.code, e.amount_cents FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.ledger_account_id
         WHERE e.transfer_id = $1 ORDER BY e.id`,
        [id]
    );
    return entries.rows;
}
