import path from 'node:path';
import { createPool, poolLimitsFromEnv } from '../db/pool';
import { localDirectory } from '../identity/directoryUserRepository';
import { fixedClock, systemClock } from '../kernel/clock';
import { createLogger } from '../kernel/logger';
import type { PaymentProcessor } from '../kernel/paymentProcessor';
import { createProcessor, paymentTimeoutMs } from '../payments/createProcessor';
import { reconcileAfterMsFromEnv } from '../payments/reconcilePendingCharges';
import { createOutboxMailer } from '../receipts/outboxMailer';
import { createSmtpMailer, smtpConfigFromEnv } from '../receipts/smtpMailer';
import { loadSalesforceConfig } from '../salesforce/config';
import { createIdentity } from '../salesforce/createIdentity';
import { DEMO_ORG_ID } from '../seed/demoCompany';
import { queueConfigFromEnv } from './billingQueue';
import { startWorker, workerOptionsFromEnv } from './startWorker';

/**
 * `npm run worker`: billing job workers alone, no HTTP (API servers and workers scale apart).
 * DATABASE_URL is required (the database the API servers use); DATABASE_SCHEMA and QUEUE_SCHEMA
 * choose schemas; WORKER_CONCURRENCY and WORKER_BATCH_SIZE size it; BILLING_CLOCK fixes its clock
 * to an instant (tests, rehearsals); PROCESSOR_LATENCY_MS delays each charge (benchmarks). SIGTERM/SIGINT stop it within WORKER_STOP_MS (default 20 s).
 */
export async function runWorkerProcess(env: NodeJS.ProcessEnv): Promise<void> {
    const connectionString = env.DATABASE_URL;
    if (connectionString === undefined || connectionString === '')
        throw new Error('Set DATABASE_URL to the billing database (npm start prints nothing for workers).');
    const logger = createLogger({ level: env.LOG_LEVEL ?? 'info' });
    const options = workerOptionsFromEnv(env);
    const pool = createPool({
        connectionString,
        // The bounded waits of issue 9 (DB_*_TIMEOUT_MS); the size follows the concurrency unless DB_POOL_SIZE is set.
        ...poolLimitsFromEnv(env),
        ...(env.DB_POOL_SIZE ? {} : { max: options.concurrency + 2 }),
        ...(env.DATABASE_SCHEMA ? { schema: env.DATABASE_SCHEMA } : {})
    });
    const clock = env.BILLING_CLOCK ? fixedClock(env.BILLING_CLOCK) : systemClock;
    const salesforce = loadSalesforceConfig(env);
    const directory =
        salesforce.mode === 'salesforce'
            ? (await createIdentity({ pool, clock, config: salesforce, demoOrgId: DEMO_ORG_ID, keyDir: '' }))
                  .directory
            : localDirectory(pool);
    const smtp = smtpConfigFromEnv(env);
    const dataDir = env.DATA_DIR ?? '.data';
    const mailer =
        smtp === undefined ? createOutboxMailer(path.join(dataDir, 'outbox')) : createSmtpMailer(smtp);
    const worker = await startWorker(
        {
            pool,
            processor: withLatency(createProcessor(env, pool), Number(env.PROCESSOR_LATENCY_MS ?? 0)),
            paymentTimeoutMs: paymentTimeoutMs(env),
            reconcileAfterMs: reconcileAfterMsFromEnv(env),
            clock,
            logger,
            directory,
            mailer
        },
        queueConfigFromEnv(env, connectionString),
        options
    );
    logger.info(options, 'billing worker started');
    const stopMs = Number(env.WORKER_STOP_MS ?? 20_000);
    const shutdown = () => {
        worker
            .stop(stopMs)
            .then(() => pool.end())
            .then(
                () => process.exit(0),
                (error: unknown) => {
                    logger.error({ err: error }, 'worker stop failed');
                    process.exit(1);
                }
            );
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
}

/** Each charge answers `ms` later, as a real processor would (the cycle benchmark's 300 ms). */
function withLatency(processor: PaymentProcessor, ms: number): PaymentProcessor {
    if (!(ms > 0)) return processor;
    return {
        name: processor.name,
        tokenize: (details) => processor.tokenize(details),
        findCharge: (idempotencyKey) => processor.findCharge(idempotencyKey),
        charge: async (request) => {
            await new Promise((resolve) => setTimeout(resolve, ms));
            return processor.charge(request);
        }
    };
}
