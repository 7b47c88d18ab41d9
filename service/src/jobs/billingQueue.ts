import PgBoss from 'pg-boss';
import type { JobQueue } from '../kernel/jobQueue';
import { QUEUE_SETTINGS, QUEUES, SCHEDULES, type AccountJobData, type CycleBatchData } from './queues';

export interface QueueConfig {
    connectionString: string;
    /** The queue's own schema (default `pgboss`). */
    schema?: string;
    /** Run the cron schedules from this process (workers do; API-only processes need not). */
    schedule?: boolean;
    /** How long a job may run before the queue takes it back and retries it. */
    expireInSeconds?: number;
    /** First retry delay (default 15 s, doubling: the queue's back-off); tests shorten it. */
    retryDelaySeconds?: number;
}

/** QUEUE_SCHEMA (default `pgboss`) and QUEUE_RETRY_DELAY_SECONDS from the environment. */
export function queueConfigFromEnv(env: NodeJS.ProcessEnv, connectionString: string): QueueConfig {
    const retryDelay = Number(env.QUEUE_RETRY_DELAY_SECONDS);
    return {
        connectionString,
        ...(env.QUEUE_SCHEMA ? { schema: env.QUEUE_SCHEMA } : {}),
        ...(retryDelay > 0 ? { retryDelaySeconds: retryDelay } : {})
    };
}

/** The pg-boss instance of the billing jobs, started, with its queues (and schedules) created. */
export async function startBillingQueue(config: QueueConfig): Promise<PgBoss> {
    const boss = new PgBoss({
        connectionString: config.connectionString,
        schema: config.schema ?? 'pgboss',
        max: 4,
        schedule: config.schedule ?? false,
        supervise: true,
        application_name: 'powerdialer-billing-queue'
    });
    boss.on('error', () => undefined);
    await boss.start();
    for (const queue of QUEUE_SETTINGS) {
        await boss.createQueue(queue.name, {
            ...queue,
            ...(config.expireInSeconds === undefined ? {} : { expireInSeconds: config.expireInSeconds }),
            ...(config.retryDelaySeconds === undefined ? {} : { retryDelay: config.retryDelaySeconds })
        });
    }
    if (config.schedule === true) {
        for (const { name, cron } of SCHEDULES) await boss.schedule(name, cron, {}, { tz: 'UTC' });
    }
    return boss;
}

/** The kernel's JobQueue on pg-boss: one queued job per account ('short' queues), retried with back-off. */
export function jobQueueOn(boss: PgBoss): JobQueue {
    return {
        async wakeMinuteRecharge(billingAccountId) {
            await boss.send(QUEUES.minuteRecharge, { accountId: billingAccountId } satisfies AccountJobData, {
                singletonKey: billingAccountId
            });
        },
        async retryCycleNow(billingAccountId) {
            await boss.send(QUEUES.cycleAccount, { accountId: billingAccountId } satisfies AccountJobData, {
                singletonKey: `${billingAccountId}:due`
            });
        }
    };
}

/** Enqueues many account jobs at once (the fan-out of a sweep); a key already queued is skipped. */
export async function enqueueAccountJobs(
    boss: PgBoss,
    name: string,
    jobs: readonly AccountJobData[],
    chunk = 1000
): Promise<void> {
    for (let start = 0; start < jobs.length; start += chunk) {
        await boss.insert(
            jobs.slice(start, start + chunk).map((data) => ({
                name,
                data,
                singletonKey: `${data.accountId}:${data.period ?? 'due'}`
            }))
        );
    }
}

/** A small cycle is still cut into this many jobs, so that every worker takes a share. */
const MIN_CYCLE_JOBS = 16;

/**
 * The sweep's fan-out of the cycle: cycle-batch jobs of `batchSize` accounts (fewer for a small
 * cycle: at least MIN_CYCLE_JOBS jobs), inserted 1,000 jobs at a time.
 */
export async function enqueueCycleBatches(
    boss: PgBoss,
    accounts: CycleBatchData['accounts'],
    batchSize: number,
    asOf: string | undefined
): Promise<void> {
    const size = Math.max(1, Math.min(batchSize, Math.ceil(accounts.length / MIN_CYCLE_JOBS)));
    const jobs: { name: string; data: CycleBatchData }[] = [];
    for (let start = 0; start < accounts.length; start += size) {
        const data: CycleBatchData = { accounts: accounts.slice(start, start + size) };
        jobs.push({ name: QUEUES.cycleBatch, data: asOf === undefined ? data : { ...data, asOf } });
    }
    for (let start = 0; start < jobs.length; start += 1000)
        await boss.insert(jobs.slice(start, start + 1000));
}
