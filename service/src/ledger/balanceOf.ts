import type { Cents } from '../../../core/money/cents';
import type { Queryable } from '../db/pool';
import { LEDGER_ACCOUNTS, type LedgerAccountCode } from './ledgerAccounts';

export interface LedgerBalance {
    /** Final balance, on the account's normal side (an asset's debits, a liability's credits). */
    postedCents: Cents;
    /** Reserved by pending transfers not yet posted or voided, on the same side. */
    pendingCents: Cents;
}

/** Derived from entries every time: there is no stored balance to drift. */
export async function balanceOf(
    db: Queryable,
    billingAccountId: string,
    code: LedgerAccountCode
): Promise<LedgerBalance> {
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
    const row = result.rows[0];
    const sign = LEDGER_ACCOUNTS[code] === 'debit' ? 1 : -1;
    // `+ 0` turns -0 into 0.
    return { postedCents: sign * (row?.posted ?? 0) + 0, pendingCents: sign * (row?.pending ?? 0) + 0 };
}
