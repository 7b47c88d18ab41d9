import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type PgBoss from 'pg-boss';
import { verifyLedger } from '../ledger/verifyLedger';
import { cycleChargeCounts, seedBillableAccounts } from '../testing/seedBillableAccounts';
import { useTestDatabase } from '../testing/testDatabase';
import { useTestQueue } from '../testing/useTestQueue';
import { ATTEMPT_LEASE_MS } from '../cycle/runBillingCycle';
import { startBillingQueue } from './billingQueue';
import { QUEUES } from './queues';

jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, '../../..');
const DECEMBER_FIRST = new Date('2026-12-01T14:00:00Z');
const ACCOUNTS = 300;
const KILLS = 6;

describe('R4.1 worker processes killed at random points of a cycle', () => {
    const t = useTestDatabase();
    const queue = useTestQueue();
    const children = new Set<ChildProcess>();
    let boss: PgBoss;
    let dataDir: string;
    beforeAll(async () => {
        dataDir = await mkdtemp(path.join(os.tmpdir(), 'worker-crash-'));
        boss = await startBillingQueue({
            connectionString: t.db.databaseUrl,
            schema: queue.schema,
            retryDelaySeconds: 1
        });
    });
    afterAll(async () => {
        for (const child of children) kill(child);
        await boss.stop({ graceful: false, wait: true, timeout: 2_000 });
        await rm(dataDir, { recursive: true, force: true });
    });

    /** `npm run worker` in a process group of its own, with its clock fixed at `clock`. */
    function startWorkerProcess(clock: Date): ChildProcess {
        const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/worker.ts'], {
            cwd: ROOT,
            detached: true,
            stdio: 'ignore',
            env: {
                ...process.env,
                DATABASE_URL: t.db.databaseUrl,
                DATABASE_SCHEMA: t.db.schema,
                QUEUE_SCHEMA: queue.schema,
                QUEUE_RETRY_DELAY_SECONDS: '1',
                BILLING_CLOCK: clock.toISOString(),
                WORKER_CONCURRENCY: '2',
                WORKER_BATCH_SIZE: '5',
                DATA_DIR: dataDir,
                PAYMENT_PROCESSOR: 'local',
                LOG_LEVEL: 'silent'
            }
        });
        children.add(child);
        child.once('exit', () => children.delete(child));
        return child;
    }

    function kill(child: ChildProcess): void {
        if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
            try {
                process.kill(-child.pid, 'SIGKILL');
            } catch {
                // already gone
            }
        }
    }

    async function paid(): Promise<number> {
        const rows = await t.db.pool.query<{ paid: number }>(
            "SELECT count(*)::int AS paid FROM cycle_collections WHERE status = 'paid'"
        );
        return rows.rows[0]?.paid ?? 0;
    }

    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    it('bills each of 300 accounts exactly once after repeated SIGKILLs of two workers and a restart', async () => {
        await seedBillableAccounts(t.db.pool, ACCOUNTS);
        const workers = [startWorkerProcess(DECEMBER_FIRST), startWorkerProcess(DECEMBER_FIRST)];
        await boss.send(QUEUES.cycleSweep, { asOf: DECEMBER_FIRST.toISOString() });
        const started = Date.now() + 90_000;
        while ((await paid()) === 0 && Date.now() < started) await sleep(100);
        const paidAtKills: number[] = [];
        for (let round = 0; round < KILLS; round++) {
            await sleep(300 + Math.random() * 1_200);
            const victim = Math.floor(Math.random() * workers.length);
            const child = workers[victim];
            if (child !== undefined) kill(child);
            paidAtKills.push(await paid());
            workers[victim] = startWorkerProcess(DECEMBER_FIRST);
        }
        for (const child of workers) kill(child);
        // The kills landed mid-cycle, not before or after it.
        expect(paidAtKills.some((count) => count > 0 && count < ACCOUNTS)).toBe(true);

        // Restart after the attempts' lease: the sweep resumes pending attempts with their keys.
        const restart = new Date(DECEMBER_FIRST.getTime() + ATTEMPT_LEASE_MS + 60_000);
        startWorkerProcess(restart);
        await boss.send(QUEUES.cycleSweep, { asOf: restart.toISOString() });
        const deadline = Date.now() + 150_000;
        while ((await paid()) < ACCOUNTS && Date.now() < deadline) await sleep(500);
        expect(await paid()).toBe(ACCOUNTS);
        expect(await cycleChargeCounts(t.db.pool)).toEqual({ accounts: ACCOUNTS, double: 0, missing: 0 });
        expect(await verifyLedger(t.db.pool)).toEqual([]);
    });
});
