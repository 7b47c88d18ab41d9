import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { startEmbeddedPostgres, type RunningPostgres } from '../service/src/db/embeddedPostgres';
import { migrate } from '../service/src/db/migrate';
import { createPool } from '../service/src/db/pool';
import { formatSummary, runBillingPass, type PassKind } from '../service/src/jobs/billingPass';
import { createProcessor } from '../service/src/payments/createProcessor';

const USAGE = `npm run billing -- <cycle|dunning|recharge|reconcile> [--as-of 2026-12-01] [--dry-run] [--concurrency 8]
  cycle      bill every due account's cycle (and the dunning retries due), as of the given day or instant
  dunning    only the dunning retries due
  recharge   the automatic minute recharges
  reconcile  re-drive pending charges (after the charge-after-commit work)
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
            help: { type: 'boolean', default: false }
        }
    });
    const command = positionals[0];
    if (values.help || command === undefined) {
        console.log(USAGE);
        return;
    }
    if (command === 'reconcile') {
        // TODO(charge after commit, issue 9): call payments/reconcilePendingCharges once it lands.
        console.log(
            'reconcile: not available yet (payments/reconcilePendingCharges comes with the charge-after-commit work)'
        );
        return;
    }
    if (command !== 'cycle' && command !== 'dunning' && command !== 'recharge') {
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
    const pool = createPool({ connectionString: databaseUrl, max: concurrency + 2 });
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
