import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createPool, type Pool } from '../db/pool';
import { startEmbeddedPostgres, type RunningPostgres } from '../db/embeddedPostgres';
import { migrate } from '../db/migrate';
import { systemClock } from '../kernel/clock';
import { buildApp } from './buildApp';
import { createLogger } from '../kernel/logger';
import { loadServiceSecret } from './serviceSecret';
import { startJobs } from '../jobs/startJobs';
import { createProcessor } from '../payments/createProcessor';
import { createOutboxMailer } from '../receipts/outboxMailer';
import { createSmtpMailer, smtpConfigFromEnv } from '../receipts/smtpMailer';
import { loadSalesforceConfig } from '../salesforce/config';
import { createIdentity } from '../salesforce/createIdentity';
import { DEMO_ORG_ID } from '../seed/demoCompany';
import { seedDemo } from '../seed/seedDemo';
import { runtimeOptionsFromEnv } from '../runtime/runtimeOptions';

export const DEFAULT_PORT = 4310;
const EMBEDDED_PORT = 54320;

export interface RunningService {
    url: string;
    app: FastifyInstance;
    pool: Pool;
    /** `created`: seeded by this start (false when an earlier start already seeded it). */
    demo: { orgId: string; accountId: string; created: boolean };
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
        onIdleError: (error) => {
            logger.warn({ err: error }, 'PostgreSQL connection lost; the pool reconnects');
        }
    });
    const clock = systemClock;
    const processor = createProcessor(env, pool);
    const demo = await seedDemo(pool, clock, processor);
    const salesforce = loadSalesforceConfig(env);
    const serviceSecret = await loadServiceSecret(env, dataDir, salesforce.mode);
    const identity = await createIdentity({
        pool,
        clock,
        config: salesforce,
        demoOrgId: DEMO_ORG_ID,
        keyDir: path.join(dataDir, 'local-issuer')
    });
    const smtp = smtpConfigFromEnv(env);
    // Without SMTP_URL, receipts e-mailed in local mode land as .eml files in <dataDir>/outbox.
    const mailer =
        smtp === undefined ? createOutboxMailer(path.join(dataDir, 'outbox')) : createSmtpMailer(smtp);
    // The billing job queue (pg-boss), with a worker in this process unless WORKER=off.
    const jobs = await startJobs(
        { pool, processor, directory: identity.directory, mailer, clock, logger },
        env,
        databaseUrl
    );
    const app = await buildApp({
        pool,
        clock,
        processor,
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
    return {
        url: `http://${host}:${port}`,
        app,
        pool,
        demo,
        stop: async () => {
            await jobs.stop();
            await app.close();
            await pool.end();
            await embedded?.stop();
        }
    };
}
