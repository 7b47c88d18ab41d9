import type { Queryable } from '../db/pool';

export interface LedgerProblem {
    kind: 'unbalanced_transfer' | 'too_few_entries' | 'void_with_entries' | 'cross_account_entry';
    transferId: string;
    detail: string;
}

/**
 * Recomputes the ledger from its entries: every transfer sums to zero, has two or more entries
 * (a void has none), touches only its own billing account's ledger accounts, and every ledger
 * account's balance (the sum of its entries, over all transfers) sums to zero across the ledger.
 * Returns the problems found: an empty list means the books balance.
 */
export async function verifyLedger(db: Queryable): Promise<LedgerProblem[]> {
    const transfers = await db.query<{
        id: string;
        phase: string;
        total: number;
        entries: number;
        foreign: number;
    }>(
        `SELECT t.id, t.phase,
                coalesce(sum(e.amount_cents), 0)::bigint AS total,
                count(e.id)::int AS entries,
                count(e.id) FILTER (WHERE a.billing_account_id <> t.billing_account_id)::int AS foreign
         FROM ledger_transfers t
         LEFT JOIN ledger_entries e ON e.transfer_id = t.id
         LEFT JOIN ledger_accounts a ON a.id = e.ledger_account_id
         GROUP BY t.id, t.phase`
    );
    const problems: LedgerProblem[] = [];
    for (const transfer of transfers.rows) {
        problems.push(...transferProblems(transfer));
    }
    const balances = await db.query<{ total: number }>(
        `SELECT coalesce(sum(balance), 0)::bigint AS total FROM (
             SELECT sum(amount_cents) AS balance FROM ledger_entries GROUP BY ledger_account_id) per_account`
    );
    const total = balances.rows[0]?.total ?? 0;
    if (total !== 0) {
        problems.push({
            kind: 'unbalanced_transfer',
            transferId: '*',
            detail: `account balances sum to ${total}`
        });
    }
    return problems;
}

function transferProblems(transfer: {
    id: string;
    phase: string;
    total: number;
    entries: number;
    foreign: number;
}): LedgerProblem[] {
    const problems: LedgerProblem[] = [];
    const at = (kind: LedgerProblem['kind'], detail: string) =>
        problems.push({ kind, transferId: transfer.id, detail });
    if (transfer.total !== 0) at('unbalanced_transfer', `entries sum to ${transfer.total}`);
    if (transfer.phase === 'void_pending' && transfer.entries > 0)
        at('void_with_entries', `${transfer.entries} entries`);
    if (transfer.phase !== 'void_pending' && transfer.entries < 2)
        at('too_few_entries', `${transfer.entries} entries`);
    if (transfer.foreign > 0)
        at('cross_account_entry', `${transfer.foreign} entries in another billing account`);
    return problems;
}
