import pino from 'pino';
import { fixedClock } from '../kernel/clock';
import type { PaymentProcessor } from '../kernel/paymentProcessor';
import { verifyLedger } from '../ledger/verifyLedger';
import { createLocalProcessor } from '../payments/localProcessor';
import { cycleChargeCounts, seedBillableAccounts } from '../testing/seedBillableAccounts';
import { useTestDatabase } from '../testing/testDatabase';
import { useTestQueue } from '../testing/useTestQueue';
import { QUEUES } from './queues';
import { startWorker, type RunningWorker } from './startWorker';

jest.setTimeout(120_000);

const DECEMBER_FIRST = '2026-12-01T14:00:00Z';

describe('R4.1 the cycle on the job queue', () => {
    const t = useTestDatabase();
    const queue = useTestQueue();
    const running: RunningWorker[] = [];
    afterEach(async () => {
        await Promise.all(running.splice(0).map((worker) => worker.stop(5_000)));
        await t.db.pool.query('TRUNCATE local_processor_charge');
    });

    function worker(processor: PaymentProcessor): Promise<RunningWorker> {
        return startWorker(
            {
                pool: t.db.pool,
                processor,
                clock: fixedClock(DECEMBER_FIRST),
                logger: pino({ level: process.env.TEST_LOG ?? 'silent' })
            },
            { connectionString: t.db.databaseUrl, schema: queue.schema, retryDelaySeconds: 1 },
            { concurrency: 3, batchSize: 10 }
        ).then((started) => {
            running.push(started);
            return started;
        });
    }

    async function waitUntilPaid(expected: number): Promise<void> {
        const deadline = Date.now() + 90_000;
        for (;;) {
            const paid = await t.db.pool.query<{ paid: number }>(
                "SELECT count(*)::int AS paid FROM cycle_collections WHERE status = 'paid'"
            );
            if ((paid.rows[0]?.paid ?? 0) >= expected) return;
            if (Date.now() > deadline) throw new Error(`only ${paid.rows[0]?.paid ?? 0} of ${expected} paid`);
            await new Promise((resolve) => setTimeout(resolve, 250));
        }
    }

    /** The local processor, counting the charges it was asked for. */
    function counting(): { processor: PaymentProcessor; charges: () => number } {
        const local = createLocalProcessor(t.db.pool);
        let charges = 0;
        return {
            processor: {
                ...local,
                charge: (request) => {
                    charges++;
                    return local.charge(request);
                }
            },
            charges: () => charges
        };
    }

    it('two workers share one cycle over 200 accounts: each billed once', async () => {
        const accounts = await seedBillableAccounts(t.db.pool, 200);
        const [a, b] = [counting(), counting()];
        const first = await worker(a.processor);
        await worker(b.processor);
        await first.boss.send(QUEUES.cycleSweep, { asOf: DECEMBER_FIRST });
        await waitUntilPaid(accounts.length);
        expect(a.charges()).toBeGreaterThan(0);
        expect(b.charges()).toBeGreaterThan(0);
        expect(a.charges() + b.charges()).toBe(accounts.length);
        expect(await cycleChargeCounts(t.db.pool)).toEqual({ accounts: 200, double: 0, missing: 0 });
        expect(await verifyLedger(t.db.pool)).toEqual([]);
    });

    it('a processor that charges and then times out: the queue retries with the same key, charged once', async () => {
        await t.db.pool.query("UPDATE cycle_collections SET status = 'paid'");
        const before = (await cycleChargeCounts(t.db.pool)).accounts;
        const accounts = await seedBillableAccounts(t.db.pool, 20);
        const local = createLocalProcessor(t.db.pool);
        const timedOut = new Set<string>();
        const flaky: PaymentProcessor = {
            ...local,
            async charge(request) {
                const result = await local.charge(request);
                if (timedOut.has(request.idempotencyKey)) return result;
                timedOut.add(request.idempotencyKey);
                throw new Error('processor timed out after charging');
            }
        };
        const started = await worker(flaky);
        await started.boss.send(QUEUES.cycleSweep, { asOf: DECEMBER_FIRST });
        await waitUntilPaid(before + accounts.length);
        expect(timedOut.size).toBe(accounts.length);
        const charged = await t.db.pool.query<{ charges: number }>(
            `SELECT count(*)::int AS charges FROM local_processor_charge WHERE token = ANY($1)`,
            [accounts.map((id) => `tok_seed_${id}`)]
        );
        expect(charged.rows[0]?.charges).toBe(accounts.length);
        const recorded = await t.db.pool.query<{ recorded: number }>(
            "SELECT count(*)::int AS recorded FROM sales_transactions WHERE kind = 'cycle' AND status = 'succeeded' AND billing_account_id = ANY($1)",
            [accounts]
        );
        expect(recorded.rows[0]?.recorded).toBe(accounts.length);
        expect(await verifyLedger(t.db.pool)).toEqual([]);
    });
});
