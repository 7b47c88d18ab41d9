import type { Cents } from '../../../core/money/cents';
import type { Queryable } from '../db/pool';
import { LEDGER_ACCOUNTS, type LedgerAccountCode } from './ledgerAccounts';
import { sumLedgerAccount } from './ledgerRepository';

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
    const row = await sumLedgerAccount(db, billingAccountId, code);
    const sign = LEDGER_ACCOUNTS[code] === 'debit' ? 1 : -1;
    // `+ 0` turns -0 into 0.
    return { postedCents: sign * (row?.posted ?? 0) + 0, pendingCents: sign * (row?.pending ?? 0) + 0 };
}
