import type { Queryable } from '../db/pool';
import { sumOfAllBalances, transferTotals, type TransferTotals } from './ledgerRepository';

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
    const transfers = await transferTotals(db);
    const problems: LedgerProblem[] = [];
    for (const transfer of transfers) {
        problems.push(...transferProblems(transfer));
    }
    const total = await sumOfAllBalances(db);
    if (total !== 0) {
        problems.push({
            kind: 'unbalanced_transfer',
            transferId: '*',
            detail: `account balances sum to ${total}`
        });
    }
    return problems;
}

function transferProblems(transfer: TransferTotals): LedgerProblem[] {
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
