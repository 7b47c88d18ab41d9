import { formatUsd, shouldRecharge } from '../../../core/index';
import { forEachAccount, type AccountJobResult } from '../accounts/forEachAccount';
import type { Tx } from '../db/pool';
import { withTransaction } from '../db/withTransaction';
import { isServiceError } from '../kernel/serviceError';
import { queueNotice } from '../notices/queueNotice';
import type { MoneyDeps } from '../transactions/recordPurchase';
import { loadMinuteSettings } from './minuteSettingsRepository';
import { minutesBalance } from './minutesBalance';
import { chargeMinutes } from './purchaseMinutes';
import { rechargePreview } from './rechargePreview';
import {
    insertPendingRecharge,
    listRechargeAccounts,
    lockRechargeAccount,
    rechargeSourceOf,
    recentRecharges,
    settleRecharge,
    type RechargeRow
} from './rechargeRepository';

/** Lago's guards (R5.4): at most this many recharges per account in 24 hours… */
export const MAX_RECHARGES_PER_DAY = 3;
/** …after a decline, wait this long (doubling with each decline in a row, up to a day)… */
const DECLINE_BACKOFF_MS = 4 * 3600_000;
const MAX_BACKOFF_MS = 24 * 3600_000;
/** …and a recharge pending longer than this lost its answer: it is resumed with its key. */
const IN_FLIGHT_LEASE_MS = 10 * 60_000;
const DAY_MS = 24 * 3600_000;

export type RechargeOutcome =
    | { status: 'not_needed' }
    | { status: 'in_flight' }
    | { status: 'backing_off'; until: Date }
    | { status: 'daily_limit' }
    | { status: 'no_source' }
    | { status: 'recharged'; transactionNumber: string; amountCents: number }
    | { status: 'declined'; reason: string };

/**
 * R5.3 R5.4 one account's automatic recharge, in two transactions around the charge. With the
 * account locked: recharge on, balance plus recharges in flight below the threshold, no
 * back-off after a decline, under the daily cap; then the recharge is committed 'pending' with
 * its key `minute-recharge:<id>` and source (the minutes source, else primary, else secondary)
 * before the processor is called. One stuck in flight past its lease is resumed with the same
 * key and source, so a lost answer is never a second charge. A decline notifies the billing
 * administrator once per run of declines.
 */
export async function runMinuteRecharge(
    deps: MoneyDeps,
    input: { accountId: string; now: Date }
): Promise<RechargeOutcome> {
    const opened = await withTransaction(deps.pool, (tx) => openRecharge(tx, input));
    if (!('recharge' in opened)) return opened;
    return withTransaction(deps.pool, (tx) => chargeRecharge(tx, deps, input.accountId, opened, input.now));
}

interface Opened {
    recharge: RechargeRow;
    /** The settled recharge before it was declined: a second decline in a row is not notified again. */
    previousDeclined: boolean;
}

async function openRecharge(
    tx: Tx,
    input: { accountId: string; now: Date }
): Promise<RechargeOutcome | Opened> {
    const account = await lockRechargeAccount(tx, input.accountId, input.now);
    if (account === undefined) return { status: 'not_needed' };
    const recent = await recentRecharges(tx, account.id, new Date(input.now.getTime() - DAY_MS));
    const previousDeclined = recent.find((row) => row.status !== 'pending')?.status === 'declined';
    const pending = recent.filter((row) => row.status === 'pending');
    const stale = pending.find((row) => row.created_at.getTime() <= input.now.getTime() - IN_FLIGHT_LEASE_MS);
    if (stale !== undefined) return { recharge: stale, previousDeclined };
    const settings = await loadMinuteSettings(tx, account.id);
    const plan = await rechargePreview(tx, account, input.now);
    const { balanceCents } = await minutesBalance(tx, account.id);
    const inFlightCents = pending.reduce((sum, row) => sum + row.amount_cents, 0);
    if (!shouldRecharge(balanceCents + inFlightCents, plan.thresholdCents, settings.rechargeEnabled, false))
        return pending.length > 0 ? { status: 'in_flight' } : { status: 'not_needed' };
    const guard = guardOf(recent, input.now);
    if (guard !== undefined) return guard;
    const fundingSourceId = await rechargeSourceOf(tx, account.id, input.now);
    if (fundingSourceId === undefined) return { status: 'no_source' };
    const recharge = await insertPendingRecharge(tx, {
        accountId: account.id,
        amountCents: plan.rechargeAmountCents,
        fundingSourceId,
        now: input.now
    });
    return { recharge, previousDeclined };
}

/** The daily cap and the back-off after declines in a row (newest first in `recent`). */
function guardOf(recent: readonly RechargeRow[], now: Date): RechargeOutcome | undefined {
    if (recent.length >= MAX_RECHARGES_PER_DAY) return { status: 'daily_limit' };
    let declinesInRow = 0;
    for (const row of recent) {
        if (row.status !== 'declined') break;
        declinesInRow++;
    }
    const lastDecline = recent[0];
    if (declinesInRow === 0 || lastDecline?.settled_at === null || lastDecline === undefined)
        return undefined;
    const wait = Math.min(DECLINE_BACKOFF_MS * 2 ** (declinesInRow - 1), MAX_BACKOFF_MS);
    const until = new Date(lastDecline.settled_at.getTime() + wait);
    return until > now ? { status: 'backing_off', until } : undefined;
}

async function chargeRecharge(
    tx: Tx,
    deps: MoneyDeps,
    accountId: string,
    opened: Opened,
    now: Date
): Promise<RechargeOutcome> {
    const { recharge } = opened;
    try {
        const purchase = await chargeMinutes(tx, deps, {
            accountId,
            amountCents: recharge.amount_cents,
            idempotencyKey: recharge.idempotency_key,
            fundingSourceId: recharge.funding_source_id,
            now
        });
        await settleRecharge(tx, { id: recharge.id, status: 'succeeded', now });
        return { status: 'recharged', transactionNumber: purchase.number, amountCents: purchase.totalCents };
    } catch (error) {
        if (!isServiceError(error, 'payment_declined')) throw error;
        const details = error.details as { declineCode?: string } | undefined;
        await settleRecharge(tx, {
            id: recharge.id,
            status: 'declined',
            declineCode: details?.declineCode ?? 'declined',
            now
        });
        if (!opened.previousDeclined) {
            await queueNotice(tx, {
                accountId,
                key: `recharge-declined:${recharge.id}`,
                facts: {
                    kind: 'recharge_declined',
                    amount: formatUsd(recharge.amount_cents),
                    reason: error.message
                },
                now
            });
        }
        return { status: 'declined', reason: error.message };
    }
}

/** R5.4 a whole pass in this process; one account's failure does not stop the others. */
export async function runMinuteRecharges(
    deps: MoneyDeps,
    now: Date,
    options: Parameters<typeof forEachAccount>[2] = {}
): Promise<AccountJobResult<RechargeOutcome>[]> {
    return forEachAccount(
        await listRechargeAccounts(deps.pool, now),
        (accountId) => runMinuteRecharge(deps, { accountId, now }),
        options
    );
}

export { listRechargeAccounts };
