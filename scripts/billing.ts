import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { startEmbeddedPostgres, type RunningPostgres } from '../service/src/db/embeddedPostgres';
import { migrate } from '../service/src/db/migrate';
import { createPool, poolLimitsFromEnv, type Pool } from '../service/src/db/pool';
import { formatSummary, runBillingPass, type PassKind } from '../service/src/jobs/billingPass';
import { createProcessor, paymentTimeoutMs } from '../service/src/payments/createProcessor';
import {
    reconcileAfterMsFromEnv,
    reconcilePendingCharges
} from '../service/src/payments/reconcilePendingCharges';

const USAGE = `npm run billing -- <cycle|dunning|recharge|reconcile> [--as-of 2026-12-01] [--dry-run] [--concurrency 8]
  cycle      bill every due account's cycle (and the dunning retries due), as of the given day or instant
  dunning    only the dunning retries due
  recharge   the automatic minute recharges
  reconcile  settle the charges left pending (a crash, a lost answer): ask the processor about each
             one's fixed key, or send it again with that key; --older-than-ms (default
             PENDING_CHARGE_RECONCILE_AFTER_MS, else twice PAYMENT_TIMEOUT_MS) skips younger ones
  --as-of    a date (noon UTC that day) or an ISO instant; default now
  --dry-run  show what would be charged; charges nothing`;

/** `npm run billing`: a billing pass by hand against DATABASE_URL (else the embedded database in DATA_DIR). */
async function main(): Promise<void> {
    const { values, positionals } = parseArgs({
        allowPositionals: true,
        options: {
            'as-of': { type: 'string' },
            'dry-run': { type: 'boolean', default: false },
            concurrency: { type: 'string', default: '8' },
            'older-than-ms': { type: 'string' },
            help: { type: 'boolean', default: false }
        }
    });
    const command = positionals[0];
    if (values.help || command === undefined) {
        console.log(USAGE);
        return;
    }
    if (command !== 'cycle' && command !== 'dunning' && command !== 'recharge' && command !== 'reconcile') {
        console.error(`Unknown command "${command}".\n${USAGE}`);
        process.exitCode = 2;
        return;
    }
    const now = asOf(values['as-of']);
    const concurrency = Math.max(1, Number(values.concurrency) || 8);
    let embedded: RunningPostgres | undefined;
    let databaseUrl = process.env.DATABASE_URL ?? '';
    if (databaseUrl === '') {
        embedded = await startEmbeddedPostgres(path.join(process.env.DATA_DIR ?? '.data', 'postgres'), 54320);
        databaseUrl = embedded.url;
    }
    await migrate(databaseUrl);
    const pool = createPool({
        connectionString: databaseUrl,
        ...poolLimitsFromEnv(process.env),
        max: concurrency + 2
    });
    if (command === 'reconcile') {
        try {
            const olderThan = values['older-than-ms'];
            await reconcile(
                pool,
                olderThan === undefined
                    ? reconcileAfterMsFromEnv(process.env)
                    : reconcileAfterMsFromEnv({ PENDING_CHARGE_RECONCILE_AFTER_MS: olderThan })
            );
        } finally {
            await pool.end();
            await embedded?.stop();
        }
        return;
    }
    const bar = new cliProgress.SingleBar(
        { clearOnComplete: false, stream: process.stderr },
        cliProgress.Presets.shades_classic
    );
    try {
        const summary = await runBillingPass(
            { pool, processor: createProcessor(process.env, pool) },
            command satisfies PassKind,
            now,
            {
                concurrency,
                dryRun: values['dry-run'],
                progress: {
                    start: (total) => {
                        bar.start(total, 0);
                    },
                    tick: () => {
                        bar.increment();
                    }
                }
            }
        );
        bar.stop();
        console.log(formatSummary(command, now, summary, values['dry-run']));
    } finally {
        await pool.end();
        await embedded?.stop();
    }
}

/** Passes of the reconciler (100 charges each, oldest first) until none is left to settle. */
async function reconcile(pool: Pool, olderThanMs: number | undefined): Promise<void> {
    const deps = {
        pool,
        processor: createProcessor(process.env, pool),
        paymentTimeoutMs: paymentTimeoutMs(process.env)
    };
    const total = { found: 0, settled: 0, stillPending: 0 };
    for (;;) {
        const pass = await reconcilePendingCharges(deps, olderThanMs === undefined ? {} : { olderThanMs });
        total.found += pass.found;
        total.settled += pass.settled;
        total.stillPending = pass.stillPending;
        if (pass.found < 100 || pass.settled === 0) break;
    }
    const waiting =
        total.stillPending === 0 ? '' : ' (the processor did not answer them; the next pass tries again)';
    console.log(
        `reconcile: ${total.found} pending charges found, ${total.settled} settled, ${total.stillPending} still pending${waiting}`
    );
}

function asOf(value: string | undefined): Date {
    if (value === undefined) return new Date();
    const instant = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
    if (Number.isNaN(instant.getTime()))
        throw new Error(`--as-of ${value} is not a date (2026-12-01) or an instant`);
    return instant;
}

main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
});
