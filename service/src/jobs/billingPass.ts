import { formatUsd, shouldRecharge } from '../../../core/index';
import type { AccountJobResult } from '../accounts/forEachAccount';
import { accountTimeZone, countPaidCycles, listDueCycleWork } from '../cycle/cycleWorkRepository';
import { planCycleCharge } from '../cycle/planCycleCharge';
import { listPendingCharges } from '../ops/pendingChargeRepository';
import { runBillingCycles, type CycleOutcome } from '../cycle/runBillingCycle';
import type { Pool } from '../db/pool';
import { minutesBalance } from '../minutes/minutesBalance';
import { rechargePreview } from '../minutes/rechargePreview';
import { listRechargeAccounts, runMinuteRecharges, type RechargeOutcome } from '../minutes/runMinuteRecharge';
import type { MoneyDeps } from '../transactions/recordPurchase';

export type PassKind = 'cycle' | 'dunning' | 'recharge';

export interface PassSummary {
    due: number;
    charged: number;
    declined: number;
    skipped: number;
    alreadyBilled: number;
    errors: number;
    /** Charged (or, in a dry run, to be charged), in cents. */
    totalCents: number;
}

export interface PassOptions {
    concurrency: number;
    dryRun: boolean;
    /** Called once with the number of accounts, then after each one. */
    progress?: { start(total: number): void; tick(): void };
}

type Outcome = CycleOutcome | RechargeOutcome | { status: 'error'; message: string };

/**
 * One pass by hand (`npm run billing`), the same work the queue's jobs do: the cycle (and its due
 * retries), the dunning retries alone, or the minute recharges. A dry run charges nothing and
 * counts what would be charged.
 */
export async function runBillingPass(
    deps: MoneyDeps,
    kind: PassKind,
    now: Date,
    options: PassOptions
): Promise<PassSummary> {
    if (options.dryRun) return dryRun(deps.pool, kind, now, options);
    const passOptions = {
        concurrency: options.concurrency,
        onResult: () => options.progress?.tick(),
        retriesOnly: kind === 'dunning'
    };
    if (kind === 'recharge') {
        options.progress?.start((await listRechargeAccounts(deps.pool, now)).length);
        return summarise(await runMinuteRecharges(deps, now, passOptions));
    }
    options.progress?.start((await listDueCycleWork(deps.pool, now, passOptions)).length);
    const billedBefore = await countPaidCycles(deps.pool, now);
    const summary = summarise(await runBillingCycles(deps, now, passOptions));
    return { ...summary, alreadyBilled: summary.alreadyBilled + billedBefore };
}

function summarise(results: readonly AccountJobResult<Outcome>[]): PassSummary {
    const summary = emptySummary();
    for (const { outcome } of results) {
        switch (outcome.status) {
            case 'billed':
            case 'recharged':
                summary.charged++;
                summary.totalCents += 'totalCents' in outcome ? outcome.totalCents : outcome.amountCents;
                break;
            case 'declined':
                summary.declined++;
                break;
            case 'already_billed':
                summary.alreadyBilled++;
                break;
            case 'error':
                summary.errors++;
                break;
            case 'not_due':
            case 'waiting':
            case 'skipped':
            case 'not_needed':
            case 'in_flight':
            case 'backing_off':
            case 'daily_limit':
            case 'no_source':
                summary.skipped++;
        }
    }
    summary.due = results.length;
    return summary;
}

function emptySummary(): PassSummary {
    return { due: 0, charged: 0, declined: 0, skipped: 0, alreadyBilled: 0, errors: 0, totalCents: 0 };
}

async function dryRun(pool: Pool, kind: PassKind, now: Date, options: PassOptions): Promise<PassSummary> {
    const summary = emptySummary();
    if (kind === 'recharge') {
        const accounts = await listRechargeAccounts(pool, now);
        options.progress?.start(accounts.length);
        for (const accountId of accounts) {
            const timeZone = await accountTimeZone(pool, accountId);
            const plan = await rechargePreview(pool, { id: accountId, timeZone }, now);
            const { balanceCents } = await minutesBalance(pool, accountId);
            if (shouldRecharge(balanceCents, plan.thresholdCents, plan.enabled, false)) {
                summary.due++;
                summary.totalCents += plan.rechargeAmountCents;
            } else summary.skipped++;
            options.progress?.tick();
        }
        return summary;
    }
    const work = await listDueCycleWork(pool, now, { retriesOnly: kind === 'dunning' });
    options.progress?.start(work.length);
    for (const item of work) {
        const timeZone = await accountTimeZone(pool, item.accountId);
        const pending = await listPendingCharges(pool, item.accountId);
        const charge = await planCycleCharge(pool, { id: item.accountId, timeZone }, now, pending);
        summary.due++;
        summary.totalCents += charge.total;
        options.progress?.tick();
    }
    return summary;
}

export function formatSummary(kind: string, now: Date, summary: PassSummary, dryRun: boolean): string {
    const rows: [string, string][] = [
        ['accounts due', String(summary.due)],
        ['charged', String(summary.charged)],
        ['declined', String(summary.declined)],
        ['skipped', String(summary.skipped)],
        ['already billed', String(summary.alreadyBilled)],
        ['errors', String(summary.errors)],
        [dryRun ? 'total to charge' : 'total charged', formatUsd(summary.totalCents)]
    ];
    const width = Math.max(...rows.map(([label]) => label.length));
    const lines = rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`);
    return [
        `${kind} as of ${now.toISOString()}${dryRun ? ' (dry run: nothing charged)' : ''}`,
        ...lines
    ].join('\n');
}
