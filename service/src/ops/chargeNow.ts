import type { Tx } from '../db/pool';
import { findSourceByRole } from '../funding/fundingSourceRepository';
import { isServiceError } from '../kernel/serviceError';
import {
    recordPurchase,
    type MoneyDeps,
    type PurchaseInput,
    type RecordedPurchase
} from '../transactions/recordPurchase';

/**
 * R7.5 R4.2: a charge a representative makes now, on the account's primary source, then on its
 * secondary when the primary declines (under a key of its own: a new charge at the processor).
 * A decline of both throws the last decline; each declined attempt is recorded as a failed transaction.
 */
export async function chargeNow(
    tx: Tx,
    deps: MoneyDeps,
    input: Omit<PurchaseInput, 'fundingSourceId'>
): Promise<RecordedPurchase> {
    try {
        return await recordPurchase(tx, deps, input);
    } catch (error) {
        if (!isServiceError(error, 'payment_declined')) throw error;
        const secondary = await findSourceByRole(tx, input.accountId, 'secondary');
        if (secondary === undefined) throw error;
        return recordPurchase(tx, deps, {
            ...input,
            fundingSourceId: secondary.id,
            idempotencyKey: `${input.idempotencyKey}:secondary`
        });
    }
}

/** True when the account has a primary source to charge now. */
export async function canChargeNow(tx: Tx, accountId: string): Promise<boolean> {
    return (await findSourceByRole(tx, accountId, 'primary')) !== undefined;
}
