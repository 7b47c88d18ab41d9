import type { JobQueue } from '../kernel/jobQueue';
import { jobQueueOn, queueConfigFromEnv, startBillingQueue } from './billingQueue';
import { startWorker, workerOptionsFromEnv, type WorkerDeps } from './startWorker';

/**
 * The service's side of the queue: `deps.jobs` for requests, and, unless WORKER=off, a worker in
 * the same process (`npm run worker` runs workers alone). QUEUE_SCHEMA names the queue's schema.
 */
export async function startJobs(
    deps: WorkerDeps,
    env: NodeJS.ProcessEnv,
    connectionString: string
): Promise<{ jobs: JobQueue; stop(timeoutMs?: number): Promise<void> }> {
    const queue = queueConfigFromEnv(env, connectionString);
    if (env.WORKER === 'off') {
        const boss = await startBillingQueue(queue);
        return {
            jobs: jobQueueOn(boss),
            stop: (timeoutMs = 5_000) => boss.stop({ graceful: true, wait: true, timeout: timeoutMs })
        };
    }
    // In the API process the worker shares the request pool: fewer accounts at once by default.
    const worker = await startWorker(deps, queue, workerOptionsFromEnv({ WORKER_CONCURRENCY: '4', ...env }));
    return { jobs: jobQueueOn(worker.boss), stop: (timeoutMs) => worker.stop(timeoutMs) };
}
