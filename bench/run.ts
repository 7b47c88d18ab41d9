import os from 'node:os';
import { verifyLedger } from '../service/src/ledger/verifyLedger';
import { openBenchDatabase } from './benchDatabase';
import { benchCore } from './coreBench';
import { benchCycle } from './cycleBench';
import { benchHttp } from './httpBench';
import { benchLedger } from './ledgerBench';
import { benchRuntime } from './runtimeBench';
import { benchLoad } from './loadBench';
import { benchUsage } from './usageBench';

/**
 * `npm run bench`: each benchmark measures a baseline and the real code in the same run, on the
 * same server, and prints both rates and their ratio. Nothing is asserted: the numbers depend on
 * the machine; the ratios say what our code costs over the plainest thing the server can do.
 * BENCH_SECONDS (default 2.5) sets the time per side. `npm run bench -- runtime` runs only the
 * runtime API's benches; `npm run bench -- load` only the load benchmark (issue 9, about two
 * minutes); `npm run bench -- cycle` only the billing cycle bench (BENCH_CYCLE_ACCOUNTS, default
 * 100,000; minutes, not seconds); `npm run bench -- quick` everything but the cycle and the load.
 */
async function main(): Promise<void> {
    const durationMs = Number(process.env.BENCH_SECONDS ?? '2.5') * 1000;
    const started = Date.now();
    const { db, server, close } = await openBenchDatabase();
    console.log(
        `PowerDialer Billing benchmarks — ${server}, Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'})`
    );
    const only = process.argv[2];
    try {
        const runs = (name: string): boolean =>
            only === undefined || only === name || (only === 'quick' && name !== 'cycle' && name !== 'load');
        if (runs('plain')) {
            await benchLedger(db.pool, { durationMs, concurrency: 8 });
            await benchHttp(db.pool, { durationMs, concurrency: 8 });
            await benchUsage(db.pool, { durationMs, concurrency: 4, batchSize: 500 });
            benchCore({ durationMs });
        }
        if (runs('runtime')) await benchRuntime(db, { durationMs });
        if (runs('cycle')) {
            await benchCycle(
                db.pool,
                { url: db.databaseUrl, schema: db.schema },
                {
                    accounts: Number(process.env.BENCH_CYCLE_ACCOUNTS ?? 100_000),
                    workers: 2,
                    concurrency: Number(process.env.BENCH_CYCLE_CONCURRENCY ?? 8),
                    batchSize: Number(process.env.BENCH_CYCLE_BATCH ?? 50),
                    slowAccounts: Number(process.env.BENCH_SLOW_ACCOUNTS ?? 1_000),
                    slowConcurrency: 16,
                    latencyMs: 300
                }
            );
        }
        if (runs('load')) await benchLoad(db);
        const problems = await verifyLedger(db.pool);
        console.log(
            `\nledger check after the run: ${problems.length === 0 ? 'every balance recomputes from its entries' : JSON.stringify(problems)}`
        );
    } finally {
        await close();
    }
    console.log(`whole run: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
});
