import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createPool, poolLimitsFromEnv, type Pool } from '../db/pool';
import { startEmbeddedPostgres, type RunningPostgres } from '../db/embeddedPostgres';
import { migrate } from '../db/migrate';
import { systemClock } from '../kernel/clock';
import { buildApp } from './buildApp';
import { createLogger } from '../kernel/logger';
import { loadServiceSecret } from './serviceSecret';
import { startJobs } from '../jobs/startJobs';
import { createProcessor, paymentTimeoutMs } from '../payments/createProcessor';
import { reconcileAfterMsFromEnv } from '../payments/reconcilePendingCharges';
import { createOutboxMailer } from '../receipts/outboxMailer';
import { createSmtpMailer, smtpConfigFromEnv } from '../receipts/smtpMailer';
import { loadSalesforceConfig } from '../salesforce/config';
import { createIdentity } from '../salesforce/createIdentity';
import { DEMO_ORG_ID } from '../seed/demoCompany';
import { seedDemo } from '../seed/seedDemo';
import { runtimeOptionsFromEnv } from '../runtime/runtimeOptions';

export const DEFAULT_PORT = 4310;
const EMBEDDED_PORT = 54320;
/** SHUTDOWN_DRAIN_MS: how long SIGTERM waits for requests in flight before closing their connections. */
const DEFAULT_DRAIN_MS = 10_000;

export interface RunningService {
    url: string;
    app: FastifyInstance;
    pool: Pool;
    /** Local mode: the demo company; `created` when seeded by this start. Never seeded against real orgs. */
    demo: { orgId: string; accountId: string; created: boolean } | undefined;
    /**
     * Graceful shutdown: stops accepting (new requests get 503), waits for requests in flight up to
     * the drain time then closes their connections, stops the jobs, closes the pool. Idempotent.
     */
    stop(): Promise<void>;
}

/**
 * The whole service: PostgreSQL (DATABASE_URL, or an embedded server with its data in
 * `<dataDir>/postgres`), migrations, the demo company, identity (local issuer or Salesforce),
 * the payment processor, and the HTTP server on PORT (default 4310).
 */
export async function startService(env: NodeJS.ProcessEnv, dataDir = '.data'): Promise<RunningService> {
    const logger = createLogger({ level: env.LOG_LEVEL ?? 'info' });
    let embedded: RunningPostgres | undefined;
    let databaseUrl = env.DATABASE_URL;
    if (databaseUrl === undefined || databaseUrl === '') {
        embedded = await startEmbeddedPostgres(path.join(dataDir, 'postgres'), EMBEDDED_PORT);
        databaseUrl = embedded.url;
    }
    await migrate(databaseUrl);
    const pool = createPool({
        connectionString: databaseUrl,
        ...poolLimitsFromEnv(env),
        onIdleError: (error) => {
            logger.warn({ err: error }, 'PostgreSQL connection lost; the pool reconnects');
        }
    });
    // Used token ids only (one insert per request): commits that need not wait for the disk.
    const tokenIdPool = createPool({ connectionString: databaseUrl, max: 4, synchronousCommit: false });
    const clock = systemClock;
    const processor = createProcessor(env, pool);
    const money = { pool, processor, paymentTimeoutMs: paymentTimeoutMs(env) };
    const salesforce = loadSalesforceConfig(env);
    const demo = salesforce.mode === 'local' ? await seedDemo(pool, clock, processor) : undefined;
    const serviceSecret = await loadServiceSecret(env, dataDir, salesforce.mode);
    const identity = await createIdentity({
        pool,
        clock,
        config: salesforce,
        demoOrgId: DEMO_ORG_ID,
        keyDir: path.join(dataDir, 'local-issuer'),
        tokenIdPool
    });
    const smtp = smtpConfigFromEnv(env);
    // Without SMTP_URL, receipts e-mailed in local mode land as .eml files in <dataDir>/outbox.
    const mailer =
        smtp === undefined ? createOutboxMailer(path.join(dataDir, 'outbox')) : createSmtpMailer(smtp);
    // The billing job queue (pg-boss), with a worker in this process unless WORKER=off.
    // Its worker also runs the reconciler of pending charges (at start and every minute).
    const jobs = await startJobs(
        {
            ...money,
            reconcileAfterMs: reconcileAfterMsFromEnv(env),
            directory: identity.directory,
            mailer,
            clock,
            logger
        },
        env,
        databaseUrl
    );
    const app = await buildApp({
        pool,
        clock,
        processor,
        paymentTimeoutMs: money.paymentTimeoutMs,
        logger,
        serviceSecret,
        ...identity,
        mailer,
        runtime: runtimeOptionsFromEnv(env),
        jobs: jobs.jobs
    });
    const port = env.PORT === undefined || env.PORT === '' ? DEFAULT_PORT : Number(env.PORT);
    const host = env.HOST ?? '127.0.0.1';
    await app.listen({ port, host });
    const drainMs = positiveNumber(env.SHUTDOWN_DRAIN_MS, 'SHUTDOWN_DRAIN_MS') ?? DEFAULT_DRAIN_MS;
    let stopping: Promise<void> | undefined;
    const shutdown = async () => {
        logger.info({ drainMs }, 'shutting down: draining requests in flight');
        // Requests and the queue's worker drain side by side, each within the drain time.
        await Promise.all([closeWithin(app, drainMs), jobs.stop(drainMs)]);
        await Promise.all([pool.end(), tokenIdPool.end()]);
        await embedded?.stop();
        logger.info('shut down');
    };
    return {
        url: `http://${host}:${port}`,
        app,
        pool,
        demo,
        stop: () => (stopping ??= shutdown())
    };
}

/** Closes the server; requests still running after `drainMs` have their connections closed. */
async function closeWithin(app: FastifyInstance, drainMs: number): Promise<void> {
    const timer = setTimeout(() => {
        app.server.closeAllConnections();
    }, drainMs);
    try {
        await app.close();
    } finally {
        clearTimeout(timer);
    }
}

function positiveNumber(raw: string | undefined, name: string): number | undefined {
    const value = positiveOrZero(raw, name);
    if (value === 0) throw new Error(`${name} must be a positive whole number`);
    return value;
}

function positiveOrZero(raw: string | undefined, name: string): number | undefined {
    if (raw === undefined || raw === '') return undefined;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < 0)
        throw new Error(`${name} must be a whole number of milliseconds`);
    return value;
}
