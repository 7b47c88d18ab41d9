import type PgBoss from 'pg-boss';

/** The queues of the billing jobs, their policies and schedules (cron in UTC). */
export const QUEUES = {
    /** Hourly: fans the due cycles and dunning retries out into cycle-batch jobs. */
    cycleSweep: 'cycle-sweep',
    /**
     * The cycles of a batch of accounts (the sweep's fan-out, `WORKER_BATCH_SIZE` accounts a job):
     * one queue row, fetch and completion per batch instead of per account. A retry runs the whole
     * batch again; the accounts already billed are answered from their keys.
     */
    cycleBatch: 'cycle-batch',
    /** One account's cycle (a new funding source); 'short': one queued per key, and a job orphaned by a dead worker never blocks a new one. */
    cycleAccount: 'cycle-account',
    /** Every four hours (R5.4): fans out minute-recharge jobs. */
    rechargeSweep: 'recharge-sweep',
    /** One account's recharge, also woken by usage crossing the threshold. */
    minuteRecharge: 'minute-recharge',
    /** Daily: card expiring and expired notices (R7.3). */
    cardExpirySweep: 'card-expiry-sweep',
    /** Sends the outbox's unsent notices; woken after a job queued one, and every five minutes. */
    deliverNotices: 'deliver-notices',
    /** Every minute and when a worker starts (issue 9): settles charges left pending by a crash or a lost answer. */
    reconcileCharges: 'reconcile-charges'
} as const;

export const RETRY: PgBoss.RetryOptions = { retryLimit: 8, retryDelay: 15, retryBackoff: true };

export const QUEUE_SETTINGS: readonly PgBoss.Queue[] = [
    { name: QUEUES.cycleSweep, policy: 'singleton', ...RETRY },
    { name: QUEUES.cycleBatch, policy: 'standard', expireInSeconds: 300, ...RETRY },
    { name: QUEUES.cycleAccount, policy: 'short', expireInSeconds: 300, ...RETRY },
    { name: QUEUES.rechargeSweep, policy: 'singleton', ...RETRY },
    { name: QUEUES.minuteRecharge, policy: 'short', expireInSeconds: 300, ...RETRY },
    { name: QUEUES.cardExpirySweep, policy: 'singleton', ...RETRY },
    { name: QUEUES.deliverNotices, policy: 'short', ...RETRY },
    // No retries: the next minute's pass is the retry.
    { name: QUEUES.reconcileCharges, policy: 'singleton' }
];

export const SCHEDULES: readonly { name: string; cron: string }[] = [
    { name: QUEUES.cycleSweep, cron: '5 * * * *' },
    { name: QUEUES.rechargeSweep, cron: '15 */4 * * *' },
    { name: QUEUES.cardExpirySweep, cron: '30 13 * * *' },
    { name: QUEUES.deliverNotices, cron: '*/5 * * * *' },
    { name: QUEUES.reconcileCharges, cron: '* * * * *' }
];

/** Jobs name the instant they work at when it is not the worker's clock (the CLI, tests). */
export interface SweepData {
    asOf?: string;
}

export interface AccountJobData extends SweepData {
    accountId: string;
    /** A dunning retry's cycle; absent: whatever is due for the account. */
    period?: string;
}

/** A cycle-batch job: the accounts (and cycles) the sweep found due. */
export interface CycleBatchData extends SweepData {
    accounts: { accountId: string; period: string }[];
}
