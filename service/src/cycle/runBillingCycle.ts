import { forEachAccount, type AccountJobResult } from '../accounts/forEachAccount';
import {
    calendarDateIn,
    cyclePeriod,
    formatCyclePeriod,
    formatUsd,
    type CyclePeriod
} from '../../../core/index';
import { DUNNING_LOCAL_HOUR, isHardDecline, nextDunningDay } from '../../../core/cycle/dunningSchedule';
import type { Tx } from '../db/pool';
import { withTransaction } from '../db/withTransaction';
import { isServiceError } from '../kernel/serviceError';
import { queueNotice } from '../notices/queueNotice';
import { recordPurchase, type MoneyDeps, type RecordedPurchase } from '../transactions/recordPurchase';
import {
    loadCollection,
    lockPendingAttempt,
    markPaid,
    openAttempt,
    openFirstAttempt,
    openFirstAttempts,
    scheduleNextAttempt,
    settleAttempt,
    type Attempt
} from './collectionRepository';
import { listDueCycleWork, lockCycleAccount } from './cycleWorkRepository';
import { claimCycleCharge } from './planCycleCharge';

/** How long an attempt in progress holds its collection; after it, a sweep resumes it with the same key. */
export const ATTEMPT_LEASE_MS = 10 * 60_000;

export type CycleOutcome =
    | { status: 'not_due' }
    | { status: 'already_billed'; period: CyclePeriod }
    | { status: 'waiting'; period: CyclePeriod; nextAttemptAt: Date | null }
    | { status: 'billed'; period: CyclePeriod; transactionNumber: string | null; totalCents: number }
    | {
          status: 'declined';
          period: CyclePeriod;
          attempt: number;
          reason: string;
          nextAttemptAt: Date | null;
          pastDue: boolean;
      }
    | { status: 'skipped'; period: CyclePeriod; reason: 'waiting_for_new_source'; pastDue: boolean };

interface LockedAccount {
    id: string;
    timeZone: string;
    period: CyclePeriod;
}

/**
 * R4.1 R4.2 one account's cycle bill, in two transactions around the charge. First, with the
 * account locked, it decides whether a try is due (the dunning schedule, a new funding source,
 * or an attempt left pending by a crash) and commits the attempt with its key
 * (`cycle:<period>:<attempt>`) before any processor call; a pending attempt is resumed with its
 * key, so a lost answer is never a second charge. Then it charges through recordPurchase (primary,
 * then secondary) and settles the attempt: paid, or declined with the next try scheduled (hard
 * declines wait for a new source), or past due after the last. The first decline and the final
 * failure each queue one notice. Safe to run any number of times, on any number of workers.
 */
export async function runBillingCycle(
    deps: MoneyDeps,
    input: { accountId: string; now: Date; period?: CyclePeriod },
    /** What openFirstCycles found for this account, when the caller opened a batch at once. */
    first?: FirstTry
): Promise<CycleOutcome> {
    const opened =
        (first === undefined ? await openFirst(deps, input) : fromFirst(first, input)) ??
        (await withTransaction(deps.pool, (tx) => openDueAttempt(tx, input)));
    if (!('account' in opened)) return opened;
    return withTransaction(deps.pool, (tx) =>
        chargeAttempt(tx, deps, opened.account, opened.attempt, input.now)
    );
}

/**
 * A cycle's first try in one statement (the collection and attempt 1 with its key, committed
 * before the charge); undefined when the collection exists already, and the full decision runs
 * under the account lock. Only with the period named (the sweep names it).
 */
async function openFirst(
    deps: MoneyDeps,
    input: { accountId: string; now: Date; period?: CyclePeriod }
): Promise<CycleOutcome | { account: LockedAccount; attempt: Attempt } | undefined> {
    const { period } = input;
    if (period === undefined) return undefined;
    const attempt: Attempt = { attempt: 1, idempotencyKey: `cycle:${period}:1`, status: 'pending' };
    const first = await openFirstAttempt(deps.pool, {
        accountId: input.accountId,
        period,
        idempotencyKey: attempt.idempotencyKey,
        now: input.now,
        leaseUntil: new Date(input.now.getTime() + ATTEMPT_LEASE_MS)
    });
    if (first === undefined) return { status: 'not_due' };
    if (!first.opened) return undefined;
    return { account: { id: input.accountId, timeZone: first.timeZone, period }, attempt };
}

/** An account's first try as a batch's statement left it: not in service, opened, or to decide under the lock. */
export type FirstTry = { timeZone: string; opened: boolean } | 'not_in_service';

/**
 * The first tries of a batch of cycles (the sweep's batch job) in one statement and one commit,
 * the keys committed before any charge; hand each account's FirstTry to runBillingCycle.
 */
export async function openFirstCycles(
    deps: MoneyDeps,
    items: readonly { accountId: string; period: CyclePeriod }[],
    now: Date
): Promise<Map<string, FirstTry>> {
    const opened = await openFirstAttempts(deps.pool, items, {
        now,
        leaseUntil: new Date(now.getTime() + ATTEMPT_LEASE_MS)
    });
    return new Map(items.map((item) => [item.accountId, opened.get(item.accountId) ?? 'not_in_service']));
}

function fromFirst(
    first: FirstTry,
    input: { accountId: string; period?: CyclePeriod }
): CycleOutcome | { account: LockedAccount; attempt: Attempt } | undefined {
    if (first === 'not_in_service') return { status: 'not_due' };
    const { period } = input;
    if (!first.opened || period === undefined) return undefined;
    return {
        account: { id: input.accountId, timeZone: first.timeZone, period },
        attempt: { attempt: 1, idempotencyKey: `cycle:${period}:1`, status: 'pending' }
    };
}

async function lockDueAccount(
    tx: Tx,
    input: { accountId: string; now: Date; period?: CyclePeriod }
): Promise<LockedAccount | undefined> {
    const row = await lockCycleAccount(tx, input.accountId, input.now);
    if (row === undefined || (!row.due && input.period === undefined)) return undefined;
    return {
        id: row.id,
        timeZone: row.timeZone,
        period: input.period ?? cyclePeriod(input.now, row.timeZone)
    };
}

async function openDueAttempt(
    tx: Tx,
    input: { accountId: string; now: Date; period?: CyclePeriod }
): Promise<CycleOutcome | { account: LockedAccount; attempt: Attempt }> {
    const account = await lockDueAccount(tx, input);
    if (account === undefined) return { status: 'not_due' };
    const { period } = account;
    const { collection, latest } = await loadCollection(tx, account.id, period);
    if (collection?.status === 'paid') return { status: 'already_billed', period };
    if (latest?.status === 'pending') return { account, attempt: latest };
    if (collection !== undefined) {
        const due = collection.nextAttemptAt !== null && collection.nextAttemptAt <= input.now;
        if (!due) return { status: 'waiting', period, nextAttemptAt: collection.nextAttemptAt };
        if (collection.waitingForNewSource) return skipSlot(tx, account, input.now);
    }
    const attempt = (latest?.attempt ?? 0) + 1;
    const opened: Attempt = { attempt, idempotencyKey: `cycle:${period}:${attempt}`, status: 'pending' };
    await openAttempt(tx, {
        accountId: account.id,
        period,
        attempt,
        idempotencyKey: opened.idempotencyKey,
        now: input.now,
        leaseUntil: new Date(input.now.getTime() + ATTEMPT_LEASE_MS)
    });
    return { account, attempt: opened };
}

async function chargeAttempt(
    tx: Tx,
    deps: MoneyDeps,
    account: LockedAccount,
    attempt: Attempt,
    now: Date
): Promise<CycleOutcome> {
    const { period } = account;
    // Another worker may have settled this attempt while we waited for its lock.
    if (!(await lockPendingAttempt(tx, { accountId: account.id, period, attempt: attempt.attempt }))) {
        const { collection } = await loadCollection(tx, account.id, period);
        if (collection?.status === 'paid') return { status: 'already_billed', period };
        return { status: 'waiting', period, nextAttemptAt: collection?.nextAttemptAt ?? null };
    }
    // R7.5: what a representative put on this bill (and a first month onboarded without a card).
    const charge = await claimCycleCharge(tx, account, now);
    let purchase: RecordedPurchase | null = null;
    try {
        if (charge.total > 0) {
            purchase = await recordPurchase(tx, deps, {
                accountId: account.id,
                kind: 'cycle',
                idempotencyKey: attempt.idempotencyKey,
                now,
                lines: charge.lines
            });
        }
    } catch (error) {
        const decline = declineOf(error);
        if (decline === undefined) throw error;
        return recordDecline(tx, account, attempt, { ...decline, amount: formatUsd(charge.total) }, now);
    }
    await markPaid(tx, {
        accountId: account.id,
        period,
        attempt: attempt.attempt,
        transactionId: purchase?.transactionId ?? null,
        now
    });
    return {
        status: 'billed',
        period,
        transactionNumber: purchase?.number ?? null,
        totalCents: purchase?.totalCents ?? 0
    };
}

function declineOf(error: unknown): { code: string; message: string } | undefined {
    if (isServiceError(error, 'payment_declined')) {
        const details = error.details as { declineCode?: unknown } | undefined;
        const code = typeof details?.declineCode === 'string' ? details.declineCode : 'declined';
        return { code, message: error.message };
    }
    if (isServiceError(error, 'no_funding_source'))
        return { code: 'no_funding_source', message: error.message };
    return undefined;
}

/** The next scheduled local day of this cycle's month after today, or null (exhausted, or the month is over). */
function nextDay(account: LockedAccount, now: Date): number | null {
    const today = calendarDateIn(now, account.timeZone);
    if (cyclePeriod(now, account.timeZone) !== account.period) return null;
    return nextDunningDay(today.day);
}

async function recordDecline(
    tx: Tx,
    account: LockedAccount,
    attempt: Attempt,
    decline: { code: string; message: string; amount: string },
    now: Date
): Promise<CycleOutcome> {
    const { period } = account;
    await settleAttempt(tx, {
        accountId: account.id,
        period,
        attempt: attempt.attempt,
        status: 'declined',
        now
    });
    const next = nextDay(account, now);
    const nextAttemptAt = await scheduleNextAttempt(tx, {
        accountId: account.id,
        period,
        nextDay: next,
        localHour: DUNNING_LOCAL_HOUR,
        decline: { code: decline.code, message: decline.message, hard: isHardDecline(decline.code) },
        now
    });
    const pastDue = next === null;
    await queueNotice(tx, {
        accountId: account.id,
        key: `cycle-declined:${period}`,
        facts: {
            kind: 'cycle_declined',
            period: formatCyclePeriod(period),
            amount: decline.amount,
            reason: decline.message,
            nextAttemptOn:
                isHardDecline(decline.code) || nextAttemptAt === null
                    ? null
                    : localDay(nextAttemptAt, account)
        },
        now
    });
    if (pastDue) await queuePastDue(tx, account, decline, now);
    return {
        status: 'declined',
        period,
        attempt: attempt.attempt,
        reason: decline.message,
        nextAttemptAt,
        pastDue
    };
}

/** A slot of the schedule passes while a hard decline waits for a new source; the last one makes it past due. */
async function skipSlot(tx: Tx, account: LockedAccount, now: Date): Promise<CycleOutcome> {
    const next = nextDay(account, now);
    await scheduleNextAttempt(tx, {
        accountId: account.id,
        period: account.period,
        nextDay: next,
        localHour: DUNNING_LOCAL_HOUR,
        now
    });
    if (next === null) {
        const { collection } = await loadCollection(tx, account.id, account.period);
        await queuePastDue(
            tx,
            account,
            { message: collection?.lastDeclineMessage ?? 'declined', amount: null },
            now
        );
    }
    return {
        status: 'skipped',
        period: account.period,
        reason: 'waiting_for_new_source',
        pastDue: next === null
    };
}

async function queuePastDue(
    tx: Tx,
    account: LockedAccount,
    decline: { message: string; amount: string | null },
    now: Date
): Promise<void> {
    const amount = decline.amount ?? formatUsd((await claimCycleCharge(tx, account, now)).total);
    await queueNotice(tx, {
        accountId: account.id,
        key: `cycle-past-due:${account.period}`,
        facts: {
            kind: 'cycle_past_due',
            period: formatCyclePeriod(account.period),
            amount,
            reason: decline.message
        },
        now
    });
}

/** e.g. "December 3, 2026" in the account's time zone. */
export function localDay(instant: Date, account: { timeZone: string }): string {
    return instant.toLocaleDateString('en-US', {
        timeZone: account.timeZone,
        year: 'numeric',
        month: 'long',
        day: 'numeric'
    });
}

/** R4.1 R4.2 a whole cycle pass in this process (the CLI, tests): every due cycle and dunning retry. */
export async function runBillingCycles(
    deps: MoneyDeps,
    now: Date,
    options: Parameters<typeof forEachAccount>[2] & { retriesOnly?: boolean } = {}
): Promise<AccountJobResult<CycleOutcome>[]> {
    const work = await listDueCycleWork(deps.pool, now, options);
    return forEachAccount(work, (item) => runBillingCycle(deps, { ...item, now }), options);
}
