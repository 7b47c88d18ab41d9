import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { Pool } from '../service/src/db/pool';
import { quoteIdentifier } from '../service/src/db/pool';
import { withTransaction } from '../service/src/db/withTransaction';
import { startBillingQueue } from '../service/src/jobs/billingQueue';
import { QUEUES } from '../service/src/jobs/queues';
import { postTransfer } from '../service/src/ledger/postTransfer';
import { makeAccount } from '../service/src/testing/factories';
import { cycleChargeCounts, seedBillableAccounts } from '../service/src/testing/seedBillableAccounts';

const ROOT = path.resolve(__dirname, '..');
const DECEMBER_FIRST = '2026-12-01T14:00:00Z';
const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export interface CycleBenchOptions {
    accounts: number;
    workers: number;
    /** Accounts charged at once per worker process. */
    concurrency: number;
    batchSize: number;
    /** The second part: accounts billed with a processor answering in `latencyMs`. */
    slowAccounts: number;
    slowConcurrency: number;
    latencyMs: number;
}

/**
 * (e) The monthly cycle on the job queue: `accounts` accounts billed by `workers` worker
 * processes (`npm run worker`, local processor), from the sweep job to the last account paid,
 * against the same number of plain ledger transfers (postTransfer, one per transaction, at the
 * same total concurrency) in the same run. Then a processor answering in `latencyMs`: the
 * cycle's time against accounts × latency ÷ concurrency.
 */
export async function benchCycle(
    pool: Pool,
    database: { url: string; schema: string },
    options: CycleBenchOptions
): Promise<void> {
    const totalConcurrency = options.workers * options.concurrency;
    console.log(
        `\n(e) billing cycle on the job queue: ${number.format(options.accounts)} accounts, ${options.workers} worker processes × ${options.concurrency} at once, batches of ${options.batchSize}`
    );
    const raw = await rawTransfers(pool, options.accounts, totalConcurrency);
    console.log(
        `    baseline postTransfer, own tx, concurrency ${totalConcurrency}:`.padEnd(72) +
            `${number.format(raw)} transfers/s  (${number.format(options.accounts)} in ${(options.accounts / raw).toFixed(1)} s)`
    );
    const queueSchema = `${database.schema}_queue`;
    try {
        let seeded = performance.now();
        await seedBillableAccounts(pool, options.accounts);
        console.log(
            `    seeded ${number.format(options.accounts)} accounts in ${((performance.now() - seeded) / 1000).toFixed(1)} s`
        );
        const fast = await timeCycle(pool, database, queueSchema, options.accounts, {
            ...options,
            latencyMs: 0
        });
        const rate = options.accounts / fast;
        console.log(
            `    subject cycle: sweep → every account paid:`.padEnd(72) +
                `${number.format(rate)} accounts/s  (${number.format(options.accounts)} in ${fast.toFixed(1)} s)`
        );
        console.log(`    ratio    cycle/baseline = ${(rate / raw).toFixed(3)}`);
        const counts = await cycleChargeCounts(pool);
        console.log(`    each account billed once: ${JSON.stringify(counts)}`);

        seeded = performance.now();
        await pool.query(
            "UPDATE billing_accounts SET status = 'cancelled', cancel_effective_on = '2026-11-01'"
        );
        await seedBillableAccounts(pool, options.slowAccounts);
        const slow = await timeCycle(pool, database, queueSchema, options.slowAccounts, {
            ...options,
            concurrency: options.slowConcurrency
        });
        const slowConcurrency = options.workers * options.slowConcurrency;
        const bound = (options.slowAccounts * options.latencyMs) / 1000 / slowConcurrency;
        console.log(
            `\n(f) the cycle with a processor answering in ${options.latencyMs} ms: ${number.format(options.slowAccounts)} accounts, ${options.workers} workers × ${options.slowConcurrency} at once`
        );
        console.log(
            `    one after another would take ${number.format((options.slowAccounts * options.latencyMs) / 1000)} s; accounts × latency ÷ concurrency ${slowConcurrency} = ${bound.toFixed(1)} s`
        );
        console.log(
            `    measured ${slow.toFixed(1)} s (${number.format(options.slowAccounts / slow)} accounts/s); ratio measured/bound = ${(slow / bound).toFixed(2)}`
        );
    } finally {
        await dropSchema(database.url, queueSchema);
    }
}

async function rawTransfers(pool: Pool, count: number, concurrency: number): Promise<number> {
    const { accountId } = await makeAccount(pool, { users: 1 });
    const run = Date.now().toString(36);
    let next = 0;
    const started = performance.now();
    await Promise.all(
        Array.from({ length: concurrency }, async () => {
            while (next < count) {
                const index = next++;
                await withTransaction(pool, (tx) =>
                    postTransfer(tx, {
                        id: `bench-cycle:${run}:${index}`,
                        billingAccountId: accountId,
                        kind: 'cycle_sale',
                        description: 'Benchmark cycle',
                        entries: [
                            { account: 'receivable', debitCents: 13_000 },
                            { account: 'revenue_licenses', creditCents: 13_000 }
                        ],
                        at: new Date()
                    })
                );
            }
        })
    );
    return count / ((performance.now() - started) / 1000);
}

/** Starts the worker processes, sends the sweep, and returns the seconds until `expected` more accounts are paid. */
async function timeCycle(
    pool: Pool,
    database: { url: string; schema: string },
    queueSchema: string,
    expected: number,
    options: CycleBenchOptions
): Promise<number> {
    const boss = await startBillingQueue({ connectionString: database.url, schema: queueSchema });
    const already = await paid(pool);
    const workers = await Promise.all(
        Array.from({ length: options.workers }, () => startWorkerProcess(database, queueSchema, options))
    );
    try {
        const started = performance.now();
        await boss.send(QUEUES.cycleSweep, { asOf: DECEMBER_FIRST });
        while ((await paid(pool)) < already + expected)
            await new Promise((resolve) => setTimeout(resolve, 200));
        return (performance.now() - started) / 1000;
    } finally {
        await Promise.all(workers.map(stopWorkerProcess));
        await boss.stop({ graceful: false, wait: true, timeout: 2_000 });
    }
}

async function paid(pool: Pool): Promise<number> {
    const rows = await pool.query<{ paid: number }>(
        "SELECT count(*)::int AS paid FROM cycle_collections WHERE status = 'paid'"
    );
    return rows.rows[0]?.paid ?? 0;
}

/** `npm run worker` as a child process; resolves once it logged that it started. */
function startWorkerProcess(
    database: { url: string; schema: string },
    queueSchema: string,
    options: CycleBenchOptions
): Promise<ChildProcess> {
    const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/worker.ts'], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
        env: {
            ...process.env,
            DATABASE_URL: database.url,
            DATABASE_SCHEMA: database.schema,
            QUEUE_SCHEMA: queueSchema,
            BILLING_CLOCK: DECEMBER_FIRST,
            WORKER_CONCURRENCY: String(options.concurrency),
            WORKER_BATCH_SIZE: String(options.batchSize),
            PROCESSOR_LATENCY_MS: String(options.latencyMs),
            PAYMENT_PROCESSOR: 'local',
            LOG_LEVEL: 'info'
        }
    });
    return new Promise((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
            if (chunk.toString().includes('billing worker started')) resolve(child);
        });
        child.once('exit', (code) => {
            reject(new Error(`worker exited with ${String(code)} before starting`));
        });
    });
}

function stopWorkerProcess(child: ChildProcess): Promise<void> {
    return new Promise((resolve) => {
        child.once('exit', () => {
            resolve();
        });
        child.kill('SIGTERM');
    });
}

async function dropSchema(url: string, schema: string): Promise<void> {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
        await admin.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
    } finally {
        await admin.end();
    }
}
