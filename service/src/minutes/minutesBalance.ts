import { type Cents, centsToMinutes } from '../../../core/index';
import type { Queryable } from '../db/pool';
import { balanceOf } from '../ledger/balanceOf';

export interface MinutesBalance {
    /** R5.1: prepaid minutes still owed to the customer, from the ledger, less calls in progress. */
    balanceCents: Cents;
    minutes: number;
}

export async function minutesBalance(db: Queryable, accountId: string): Promise<MinutesBalance> {
    const prepaid = await balanceOf(db, accountId, 'minutes_prepaid');
    // Pending transfers reserving minutes (calls in progress) debit the liability: they lower what is available.
    const balanceCents = prepaid.postedCents + prepaid.pendingCents;
    return { balanceCents, minutes: centsToMinutes(Math.max(0, balanceCents)) };
}
