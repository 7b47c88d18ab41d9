import os from 'node:os';
import { verifyLedger } from '../service/src/ledger/verifyLedger';
import { openBenchDatabase } from './benchDatabase';
import { benchCore } from './coreBench';
import { benchHttp } from './httpBench';
import { benchLedger } from './ledgerBench';
import { benchRuntime } from './runtimeBench';
import { benchLoad } from './loadBench';
import { benchUsage } from './usageBench';

/**
 * `npm run bench`: each benchmark measures a baseline and the real code in the same run, on the
 * same server, and prints both rates and their ratio. Nothing is asserted: the numbers depend on
 * the machine; the ratios say what our code costs over the plainest thing the server can do.
 * BENCH_SECONDS (default 2.5) sets the time per side. BENCH_ONLY=load (or ledger,http,usage,core,
 * runtime, comma-separated) runs only those; the load benchmark (issue 9) alone takes about two
 * minutes. `npm run bench -- runtime` runs only the runtime API's benches (e, f).
 */
async function main(): Promise<void> {
    const durationMs = Number(process.env.BENCH_SECONDS ?? '2.5') * 1000;
    const started = Date.now();
    const { db, server, close } = await openBenchDatabase();
    console.log(
        `PowerDialer Billing benchmarks — ${server}, Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'})`
    );
    try {
        const chosen = process.argv[2] === 'runtime' ? 'runtime' : process.env.BENCH_ONLY;
        const only = new Set((chosen ?? 'ledger,http,usage,core,runtime,load').split(','));
        if (only.has('ledger')) await benchLedger(db.pool, { durationMs, concurrency: 8 });
        if (only.has('http')) await benchHttp(db.pool, { durationMs, concurrency: 8 });
        if (only.has('usage')) await benchUsage(db.pool, { durationMs, concurrency: 4, batchSize: 500 });
        if (only.has('core')) benchCore({ durationMs });
        if (only.has('runtime')) await benchRuntime(db, { durationMs });
        if (only.has('load')) await benchLoad(db);
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
