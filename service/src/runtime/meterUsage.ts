import { randomUUID } from 'node:crypto';
import type { Pool } from '../db/pool';
import { withTransaction } from '../db/withTransaction';
import type { Clock } from '../kernel/clock';
import type { JobQueue } from '../kernel/jobQueue';
import { postTransfer } from '../ledger/postTransfer';
import { resolveRuntimeAccount, type RuntimeSubject } from './runtimeAccount';
import { insertNewEvents } from './usageRepository';
import { validateUsageEvents, type EventRefusal } from './validateUsageEvents';
import { wakeRechargeOnCrossing, type ThresholdCache } from './wakeRechargeOnCrossing';

export interface MeteringDeps {
    pool: Pool;
    clock: Clock;
    jobs?: JobQueue | undefined;
    thresholds: ThresholdCache;
    /** Events older than this many hours are refused. */
    windowHours: number;
}

export interface UsageAnswer {
    accountId: string;
    new: number;
    duplicate: number;
    refused: EventRefusal[];
    debitedCents: number;
}

/**
 * R5.1, R5.5, R10.3: a batch of up to 1,000 usage events, each with its own id. Each good event is
 * rated (core's rateUsage) and recorded once per account whatever batch it comes in; the new ones'
 * total leaves the prepaid minutes in one ledger transfer for the batch, in the same transaction.
 * Bad events are refused one by one and the rest is recorded. After commit, a balance that has
 * just crossed below the recharge threshold wakes that account's recharge (R5.3).
 */
export async function meterUsage(
    deps: MeteringDeps,
    input: RuntimeSubject & { events: readonly unknown[] }
): Promise<UsageAnswer> {
    const now = deps.clock.now();
    const account = await resolveRuntimeAccount(deps.pool, input, now);
    const checked = validateUsageEvents(input.events, {
        now,
        smsRateCents: account.smsRateCents,
        windowHours: deps.windowHours
    });
    const recorded = await recordNewEvents(deps.pool, account.id, checked.rated, now);
    const refused = [...checked.refused];
    let unknown = 0;
    for (const event of checked.rated) {
        if (recorded.knownUsers.has(event.userId)) continue;
        unknown++;
        refused.push({
            index: event.index,
            id: event.id,
            code: 'unknown_user',
            message: 'This user holds no license on this billing account.'
        });
    }
    if (recorded.cents > 0) await wakeRechargeOnCrossing(deps, account, now);
    return {
        accountId: account.id,
        new: recorded.inserted,
        duplicate: checked.duplicates + checked.rated.length - unknown - recorded.inserted,
        refused: refused.sort((a, b) => a.index - b.index),
        debitedCents: recorded.cents
    };
}

const RETRIED_SQLSTATES = new Set(['40P01', '40001']);

async function recordNewEvents(
    pool: Pool,
    accountId: string,
    events: Parameters<typeof insertNewEvents>[1]['events'],
    now: Date,
    attempt = 1
): Promise<Awaited<ReturnType<typeof insertNewEvents>>> {
    if (events.length === 0) return { inserted: 0, cents: 0, knownUsers: new Set() };
    const transferId = `usage:${accountId}:${randomUUID()}`;
    try {
        return await withTransaction(pool, async (tx) => {
            const recorded = await insertNewEvents(tx, { accountId, transferId, events });
            if (recorded.cents > 0) {
                await postTransfer(tx, {
                    id: transferId,
                    billingAccountId: accountId,
                    kind: 'minutes_usage',
                    description: `Dialer usage, ${recorded.inserted} calls and texts`,
                    entries: [
                        { account: 'minutes_prepaid', debitCents: recorded.cents },
                        { account: 'revenue_minutes', creditCents: recorded.cents }
                    ],
                    at: now
                });
            }
            return recorded;
        });
    } catch (error) {
        // Rows are inserted in id order, so a deadlock is unexpected; it rolled back everything: try again.
        const code = (error as { code?: unknown }).code;
        if (attempt < 3 && typeof code === 'string' && RETRIED_SQLSTATES.has(code))
            return recordNewEvents(pool, accountId, events, now, attempt + 1);
        throw error;
    }
}
