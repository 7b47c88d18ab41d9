import { serviceError } from '../kernel/serviceError';
import type { Pool, Tx } from './pool';

/**
 * Thrown by work inside a transaction that needs something done outside it first (a payment
 * processor call, a wait for another change to finish): withTransaction rolls back, gives the
 * connection and every lock back, runs `outside`, then runs the work again from the start.
 */
export class OutsideWorkNeeded extends Error {
    constructor(readonly outside: () => Promise<void>) {
        super('work to do outside the transaction first');
    }
}

/** A transaction's work asks for `outside` to run with no connection or lock held, then to start again. */
export function needOutsideWork(outside: () => Promise<void>): never {
    throw new OutsideWorkNeeded(outside);
}

/**
 * What a change needs from outside (a directory, the processor's tokenizer), fetched with no
 * connection or lock held: the first time this call is reached, the transaction is given up, `fetch`
 * runs outside it, and the work runs again and here gets what was fetched (kept per call, by slot).
 * An error of `fetch` ends the transaction's work with that error (nothing was written).
 */
export function fetchedOutside<T>(tx: Tx, name: string, fetch: () => Promise<T>): Promise<T> {
    const memory = runMemory(tx);
    const slot = memory.slot(`fetched:${name}`);
    if (memory.remembered.has(slot)) return Promise.resolve(memory.remembered.get(slot) as T);
    return needOutsideWork(async () => {
        memory.remembered.set(slot, await fetch());
    });
}

/** How many times one withTransaction starts its work again before answering "busy". */
const MAX_RUNS = 100;

/**
 * What one withTransaction call remembers across the runs of its work: the outside work can leave
 * a note (e.g. "the charge asked for by the first recordPurchase is transaction X") that the next
 * run finds under the same slot, even if that run computes its keys differently.
 */
export interface RunMemory {
    remembered: Map<string, unknown>;
    /** `<name>:<n>` for the n-th call of `name` in this run: the same call gets the same slot in every run. */
    slot(name: string): string;
}

const memories = new WeakMap<Tx, RunMemory>();

/** The memory of the withTransaction that opened `tx` (a fresh one outside withTransaction). */
export function runMemory(tx: Tx): RunMemory {
    return memories.get(tx) ?? newRunMemory(new Map());
}

function newRunMemory(remembered: Map<string, unknown>): RunMemory {
    const calls = new Map<string, number>();
    return {
        remembered,
        slot(name) {
            const n = (calls.get(name) ?? 0) + 1;
            calls.set(name, n);
            return `${name}:${n}`;
        }
    };
}

/**
 * Runs `work` in one READ COMMITTED transaction and commits, or rolls back on any error.
 *
 * Why not SERIALIZABLE: its conflicts surface as retryable failures that every caller would
 * have to loop on. Our mutations are all scoped to one billing account, so each one locks that
 * account's row first (`lockBillingAccount`, `SELECT … FOR UPDATE`): conflicting changes to
 * one account queue behind each other, unrelated accounts run in parallel.
 *
 * `work` must be safe to run more than once: when it throws OutsideWorkNeeded (see
 * needOutsideWork), everything it did is rolled back, the outside work runs without a
 * connection, and `work` runs again in a new transaction (it then finds what the outside work
 * left, e.g. a settled charge). Every wait is bounded by the pool's acquire, statement and lock
 * timeouts and by the outside work's own.
 */
export async function withTransaction<T>(pool: Pool, work: (tx: Tx) => Promise<T>): Promise<T> {
    const remembered = new Map<string, unknown>();
    for (let run = 1; ; run++) {
        const outcome = await runOnce(pool, work, remembered);
        if (!(outcome instanceof OutsideWorkNeeded)) return outcome.value;
        if (run >= MAX_RUNS) {
            throw serviceError(
                'service_busy',
                'The service is busy right now and changed nothing; try again in a moment.'
            );
        }
        await outcome.outside();
    }
}

async function runOnce<T>(
    pool: Pool,
    work: (tx: Tx) => Promise<T>,
    remembered: Map<string, unknown>
): Promise<{ value: T } | OutsideWorkNeeded> {
    const client = await pool.connect();
    memories.set(client, newRunMemory(remembered));
    // A connection whose ROLLBACK fails (closed by the server, e.g. idle in transaction too long) is discarded.
    let broken = false;
    try {
        await client.query('BEGIN');
        const value = await work(client);
        await client.query('COMMIT');
        return { value };
    } catch (error) {
        await client.query('ROLLBACK').catch(() => {
            broken = true;
        });
        if (error instanceof OutsideWorkNeeded) return error;
        throw error;
    } finally {
        memories.delete(client);
        client.release(broken);
    }
}
