import type { Tx } from '../db/pool';
import { needOutsideWork, runMemory } from '../db/withTransaction';
import { serviceError } from '../kernel/serviceError';
import { hasChargeInFlight } from './chargeRepository';

/** A charge in flight longer than this is left to the reconciler and no longer waited for. */
const IN_FLIGHT_FRESH_MS = 30_000;
/** The longest a change waits for another change's charge on its account before answering 503. */
const MAX_WAIT_MS = 5_000;
const FIRST_PAUSE_MS = 5;
const LONGEST_PAUSE_MS = 100;

/**
 * Called with the account locked: when another change's charge on this account is in flight
 * (sent to the processor, or paid and its change not committed yet), this change gives its
 * transaction up, waits a moment with no connection or lock, and runs again (withTransaction).
 * So a change never computes on a state that a paid change is about to replace, and nothing
 * holds a lock across a processor call. After MAX_WAIT_MS: 503 service_busy, nothing changed.
 */
export async function waitForChargesInFlight(tx: Tx, accountId: string, ownKey: string): Promise<void> {
    if (!(await hasChargeInFlight(tx, accountId, ownKey, IN_FLIGHT_FRESH_MS))) return;
    const memory = runMemory(tx);
    const startedAt = (memory.remembered.get('chargeWait.startedAt') as number | undefined) ?? Date.now();
    const pauses = (memory.remembered.get('chargeWait.pauses') as number | undefined) ?? 0;
    if (Date.now() - startedAt > MAX_WAIT_MS) {
        throw serviceError(
            'service_busy',
            'Another change to this account is being paid for right now; nothing changed. Try again in a moment.'
        );
    }
    needOutsideWork(async () => {
        memory.remembered.set('chargeWait.startedAt', startedAt);
        memory.remembered.set('chargeWait.pauses', pauses + 1);
        const pause = Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** pauses);
        await new Promise((resolve) => setTimeout(resolve, pause * (0.5 + Math.random())));
    });
}
