import { listStalePendingCharges } from '../transactions/chargeRepository';
import { DEFAULT_CHARGE_TIMEOUT_MS, driveCharge, type MoneyDeps } from '../transactions/driveCharge';

export interface ReconcileResult {
    /** Pending charges looked at. */
    found: number;
    /** Of those, settled now (paid, or declined). */
    settled: number;
    /** Still pending: the processor did not answer again; the next pass tries them again. */
    stillPending: number;
}

/**
 * Issue 9: finishes charges left pending by a crash, a lost answer or a processor that hung. For
 * each charge pending longer than `olderThanMs` (default: twice the processor timeout, so a
 * request still waiting for its own answer is left alone), asks the processor what became of its
 * fixed key and settles with that answer; when the processor never took it, sends it again with the
 * same key. One at a time, oldest first; safe to run on several servers at once (settling is
 * conditional, and the processor answers one key once).
 */
export async function reconcilePendingCharges(
    deps: MoneyDeps,
    options: { olderThanMs?: number; limit?: number } = {}
): Promise<ReconcileResult> {
    const olderThanMs = options.olderThanMs ?? 2 * (deps.paymentTimeoutMs ?? DEFAULT_CHARGE_TIMEOUT_MS);
    const ids = await listStalePendingCharges(deps.pool, olderThanMs, options.limit ?? 100);
    let settled = 0;
    for (const id of ids) {
        if ((await driveCharge(deps, id, { askFirst: true })) === 'settled') settled++;
    }
    return { found: ids.length, settled, stillPending: ids.length - settled };
}

/** PENDING_CHARGE_RECONCILE_AFTER_MS: how old a pending charge must be for the reconciler (unset: its default). */
export function reconcileAfterMsFromEnv(env: NodeJS.ProcessEnv): number | undefined {
    const raw = env.PENDING_CHARGE_RECONCILE_AFTER_MS;
    if (raw === undefined || raw === '') return undefined;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < 0)
        throw new Error(
            `PENDING_CHARGE_RECONCILE_AFTER_MS must be a whole number of milliseconds, not '${raw}'`
        );
    return value;
}
