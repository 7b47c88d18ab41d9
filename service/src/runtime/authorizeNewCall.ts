import { authorizeCall, unwrap } from '../../../core/index';
import type { Queryable } from '../db/pool';
import { minutesBalance } from '../minutes/minutesBalance';
import { resolveRuntimeAccount, type RuntimeSubject } from './runtimeAccount';

/**
 * R5.5: a new call needs at least one minute of balance (core's authorizeCall), else
 * out_of_minutes. Calls already in progress are never cut off: their usage is metered anyway.
 */
export async function authorizeNewCall(
    db: Queryable,
    input: RuntimeSubject & { userId: string; now: Date }
): Promise<{ accountId: string; authorized: true; minutesAvailable: number }> {
    const account = await resolveRuntimeAccount(db, input, input.now);
    const { balanceCents } = await minutesBalance(db, account.id);
    const { minutesAvailable } = unwrap(authorizeCall(balanceCents));
    return { accountId: account.id, authorized: true, minutesAvailable };
}
