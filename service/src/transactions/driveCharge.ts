import type { Pool } from '../db/pool';
import { withTransaction } from '../db/withTransaction';
import { isSourceExpired } from '../funding/fundingSourceRepository';
import type { ChargeResult, PaymentProcessor } from '../kernel/paymentProcessor';
import { postTransfer } from '../ledger/postTransfer';
import { countPayment } from '../payments/paymentMetrics';
import {
    loadPendingCharge,
    markChargeFailed,
    markChargeSucceeded,
    moveChargeToSource,
    type PendingCharge
} from './chargeRepository';

/** What moving money needs: the database and the processor (and how long to wait for it). */
export interface MoneyDeps {
    pool: Pool;
    processor: PaymentProcessor;
    /** How long one processor call may take before the charge is left pending (default 10 s). */
    paymentTimeoutMs?: number;
}

export const DEFAULT_CHARGE_TIMEOUT_MS = 10_000;

/** How driving a charge ended: settled (either way), or still pending because the processor's answer is not in. */
export type DriveOutcome = 'settled' | 'pending';

/**
 * Takes a pending charge to its end, outside any transaction: calls the processor with the key
 * fixed on the charge (asking it first what became of that key when `askFirst`, e.g. after a
 * crash or a lost answer), then settles in a transaction of its own: paid → `succeeded` with the
 * sale and payment ledger transfers; declined → the next fallback source, or `failed`. No answer
 * within the timeout (or a network error) leaves the charge pending, for a retry or the reconciler
 * with the same key: the processor's idempotency makes that safe.
 */
export async function driveCharge(
    deps: MoneyDeps,
    chargeId: string,
    options: { askFirst: boolean }
): Promise<DriveOutcome> {
    let askFirst = options.askFirst;
    for (;;) {
        const charge = await loadPendingCharge(deps.pool, chargeId);
        if (charge === undefined) return 'settled';
        const result = await askProcessor(deps, charge, askFirst);
        if (result === undefined) return 'pending';
        countPayment(deps.processor.name, result);
        if (result.status === 'succeeded') {
            await settlePaid(deps, charge, result.processorReference);
            return 'settled';
        }
        const next = charge.fallbackSourceIds[0];
        if (next === undefined) {
            await markChargeFailed(deps.pool, charge.id, result);
            return 'settled';
        }
        await moveChargeToSource(deps.pool, charge, next);
        askFirst = false;
    }
}

async function askProcessor(
    deps: MoneyDeps,
    charge: PendingCharge,
    askFirst: boolean
): Promise<ChargeResult | undefined> {
    if (isSourceExpired(charge.source, charge.createdAt)) {
        return {
            status: 'declined',
            declineCode: 'expired_card',
            message: `The ${charge.source.brand} card ending ${charge.source.last4} has expired.`
        };
    }
    const timeoutMs = deps.paymentTimeoutMs ?? DEFAULT_CHARGE_TIMEOUT_MS;
    try {
        const known = askFirst
            ? await withTimeout(deps.processor.findCharge(charge.processorKey), timeoutMs)
            : undefined;
        return (
            known ??
            (await withTimeout(
                deps.processor.charge({
                    token: charge.source.token,
                    amountCents: charge.totalCents,
                    description: `PowerDialer ${charge.kind}`,
                    idempotencyKey: charge.processorKey
                }),
                timeoutMs
            ))
        );
    } catch {
        // Timed out or failed in transit: the processor may or may not have taken it. Left pending.
        return undefined;
    }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
            reject(new Error(`no answer from the payment processor within ${ms} ms`));
        }, ms);
    });
    return Promise.race([work, timeout]).finally(() => {
        clearTimeout(timer);
    });
}

/**
 * Paid: the charge is `succeeded` and the money received (processor_clearing → receivable). The sale
 * (receivable → revenue or prepaid minutes) posts with the change it pays for, when recordPurchase
 * applies it: until then the account holds a credit, which is what it is (paid, not yet delivered).
 */
async function settlePaid(deps: MoneyDeps, charge: PendingCharge, processorReference: string): Promise<void> {
    await withTransaction(deps.pool, async (tx) => {
        if (!(await markChargeSucceeded(tx, charge.id, processorReference))) return;
        await postTransfer(tx, {
            id: `payment:${charge.id}`,
            billingAccountId: charge.accountId,
            kind: 'payment',
            description: `${charge.number} paid by ${charge.source.brand} ${charge.source.last4}`,
            entries: [
                { account: 'processor_clearing', debitCents: charge.totalCents },
                { account: 'receivable', creditCents: charge.totalCents }
            ],
            at: charge.createdAt
        });
    });
}
