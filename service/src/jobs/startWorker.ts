import type { Logger } from 'pino';
import pLimit from 'p-limit';
import type PgBoss from 'pg-boss';
import { openFirstCycles, runBillingCycle, type FirstTry } from '../cycle/runBillingCycle';
import { listDueCycleWork } from '../cycle/cycleWorkRepository';
import type { Pool } from '../db/pool';
import type { UserDirectory } from '../kernel/caller';
import type { Clock } from '../kernel/clock';
import type { Mailer } from '../kernel/mailer';
import type { PaymentProcessor } from '../kernel/paymentProcessor';
import { listRechargeAccounts, runMinuteRecharge } from '../minutes/runMinuteRecharge';
import { queueCardExpiryNotices } from '../notices/cardExpiryNotices';
import { deliverUnsentNotices } from '../notices/deliverNotice';
import { reconcilePendingCharges } from '../payments/reconcilePendingCharges';
import { enqueueAccountJobs, enqueueCycleBatches, startBillingQueue, type QueueConfig } from './billingQueue';
import { QUEUES, type AccountJobData, type CycleBatchData, type SweepData } from './queues';

export interface WorkerDeps {
    pool: Pool;
    processor: PaymentProcessor;
    /** How long one processor call may take before its charge is left pending (PAYMENT_TIMEOUT_MS). */
    paymentTimeoutMs?: number;
    /** A charge pending longer than this is the reconciler's (PENDING_CHARGE_RECONCILE_AFTER_MS; default twice the timeout). */
    reconcileAfterMs?: number;
    clock: Clock;
    logger: Logger;
    directory?: UserDirectory;
    mailer?: Mailer;
}

export interface WorkerOptions {
    /** Accounts charged at once by this process (each holds a pool connection while it runs). */
    concurrency: number;
    /** Accounts per cycle-batch job (the sweep's fan-out), and account jobs taken from the queue per fetch. */
    batchSize: number;
}

export interface RunningWorker {
    boss: PgBoss;
    /** Stops taking jobs, waits up to `timeoutMs` for running ones (the queue retries the rest), closes the queue. */
    stop(timeoutMs?: number): Promise<void>;
}

/** Options from the environment: WORKER_CONCURRENCY (default 8), WORKER_BATCH_SIZE (default 50). */
export function workerOptionsFromEnv(env: NodeJS.ProcessEnv): WorkerOptions {
    const positive = (value: string | undefined, fallback: number) => {
        const parsed = Number(value);
        return Number.isSafeInteger(parsed) && parsed > 0 ? parsed : fallback;
    };
    return {
        concurrency: positive(env.WORKER_CONCURRENCY, 8),
        batchSize: positive(env.WORKER_BATCH_SIZE, 50)
    };
}

/**
 * A worker of the billing jobs on the PostgreSQL queue: the hourly cycle sweep fans out one job
 * per batch of accounts, charged `concurrency` accounts at a time; the four-hourly recharge
 * sweep likewise; notices go out after the job that queued them. Any number of worker processes
 * share the queues; a job whose worker died is retried by the queue with back-off, and every
 * charge is exactly-once by its key in the database, not by the queue.
 */
export async function startWorker(
    deps: WorkerDeps,
    queue: QueueConfig,
    options: WorkerOptions
): Promise<RunningWorker> {
    const boss = await startBillingQueue({ schedule: true, ...queue });
    const limit = pLimit(options.concurrency);
    const nowOf = (data: SweepData | undefined) =>
        data?.asOf === undefined ? deps.clock.now() : new Date(data.asOf);
    const wakeNotices = () =>
        boss.send(QUEUES.deliverNotices, {}, { singletonKey: 'all' }).then(() => undefined);

    /**
     * Runs a job's items `concurrency` at a time (shared by every job of the process); an item
     * that throws fails the job once the others ran, and the queue retries it with back-off.
     * True when an outcome may have queued a notice.
     */
    const runItems = async <T>(
        job: PgBoss.Job<unknown>,
        items: readonly T[],
        run: (item: T) => Promise<{ status: string }[]>
    ): Promise<boolean> => {
        const results = await Promise.all(
            items.map((item) =>
                limit(async () => {
                    try {
                        return (await run(item)).some((outcome) => NOTIFYING.has(outcome.status));
                    } catch (error) {
                        deps.logger.warn(
                            { err: error, job: item },
                            'billing job failed; the queue retries it'
                        );
                        return { failed: String(error) };
                    }
                })
            )
        );
        const failed = results.filter((result) => typeof result === 'object');
        if (failed[0] !== undefined)
            await boss.fail(job.name, job.id, {
                message: `${failed.length} of ${items.length} failed: ${failed[0].failed}`
            });
        return results.includes(true);
    };
    const onAccounts =
        (run: (data: AccountJobData) => Promise<{ status: string }[]>) =>
        async (jobs: PgBoss.Job<AccountJobData>[]) => {
            const notified = await Promise.all(jobs.map((job) => runItems(job, [job.data], run)));
            if (notified.includes(true)) await wakeNotices();
        };

    const work = { batchSize: options.batchSize, pollingIntervalSeconds: 0.5 };
    // Two fetchers per account queue: one fetches while the other's batch finishes.
    for (let fetcher = 0; fetcher < 2; fetcher++) {
        await boss.work<AccountJobData>(
            QUEUES.cycleAccount,
            work,
            onAccounts(async (data) => {
                const now = nowOf(data);
                const items =
                    data.period === undefined
                        ? await listDueCycleWork(deps.pool, now, { accountId: data.accountId })
                        : [{ accountId: data.accountId, period: data.period }];
                const outcomes = [];
                for (const item of items) outcomes.push(await runBillingCycle(deps, { ...item, now }));
                return outcomes;
            })
        );
        await boss.work<AccountJobData>(
            QUEUES.minuteRecharge,
            work,
            onAccounts(async (data) => [
                await runMinuteRecharge(deps, { accountId: data.accountId, now: nowOf(data) })
            ])
        );
    }
    // Cycle batches: each fetch takes two jobs of `batchSize` accounts, so a fetcher has work for
    // longer than the queue's polling interval (after a quicker loop it waits for the interval).
    for (let fetcher = 0; fetcher < 2; fetcher++) {
        await boss.work<CycleBatchData>(
            QUEUES.cycleBatch,
            { batchSize: 2, pollingIntervalSeconds: 0.5 },
            async (jobs) => {
                const notified = await Promise.all(
                    jobs.map(async (job) => {
                        const now = nowOf(job.data);
                        // The batch's first tries in one commit; if it fails, each account opens its own.
                        const first = await openFirstCycles(deps, job.data.accounts, now).catch(
                            (error: unknown) => {
                                deps.logger.warn(
                                    { err: error },
                                    'batch open failed; each account opens its own'
                                );
                                return new Map<string, FirstTry>();
                            }
                        );
                        return runItems(job, job.data.accounts, async (item) => [
                            await runBillingCycle(deps, { ...item, now }, first.get(item.accountId))
                        ]);
                    })
                );
                if (notified.includes(true)) await wakeNotices();
            }
        );
    }
    // Polled as often as the batches (pg-boss's default is 2 s): a cycle run by hand or a test's
    // sweep starts within half a second; the hourly cron does not need it, and the poll is one indexed read.
    await boss.work<SweepData>(QUEUES.cycleSweep, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
        const now = nowOf(job?.data);
        const due = await listDueCycleWork(deps.pool, now);
        await enqueueCycleBatches(boss, due, options.batchSize, job?.data.asOf);
        deps.logger.info({ accounts: due.length, at: now }, 'cycle sweep');
    });
    await boss.work<SweepData>(QUEUES.rechargeSweep, async ([job]) => {
        const now = nowOf(job?.data);
        const accounts = await listRechargeAccounts(deps.pool, now);
        const asOf = job?.data.asOf === undefined ? {} : { asOf: job.data.asOf };
        await enqueueAccountJobs(
            boss,
            QUEUES.minuteRecharge,
            accounts.map((accountId) => ({ accountId, ...asOf }))
        );
    });
    await boss.work<SweepData>(QUEUES.cardExpirySweep, async ([job]) => {
        if ((await queueCardExpiryNotices(deps.pool, nowOf(job?.data))).length > 0) await wakeNotices();
    });
    await boss.work(QUEUES.deliverNotices, async () => {
        const { mailer, directory } = deps;
        if (mailer === undefined || directory === undefined) return;
        const { failed } = await deliverUnsentNotices({
            pool: deps.pool,
            mailer,
            directory,
            clock: deps.clock
        });
        if (failed > 0) throw new Error(`${failed} notices could not be sent`);
    });
    await boss.work(QUEUES.reconcileCharges, async () => {
        const { reconcileAfterMs } = deps;
        const result = await reconcilePendingCharges(
            deps,
            reconcileAfterMs === undefined ? {} : { olderThanMs: reconcileAfterMs }
        );
        if (result.found > 0) deps.logger.info({ reconcile: result }, 'pending charges reconciled');
    });
    // A charge left pending by a process killed mid-way is settled as soon as a worker is back.
    await boss.send(QUEUES.reconcileCharges, {});
    return {
        boss,
        stop: (timeoutMs = 20_000) => boss.stop({ graceful: true, wait: true, timeout: timeoutMs })
    };
}

/** Outcomes that may have queued a notice. */
const NOTIFYING: ReadonlySet<string> = new Set(['declined', 'skipped']);
