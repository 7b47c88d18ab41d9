import { performance } from 'node:perf_hooks';
import type { Pool } from '../db/pool';
import type { JobQueue } from '../kernel/jobQueue';
import { loadMinuteSettings } from '../minutes/minuteSettingsRepository';
import { minutesBalance } from '../minutes/minutesBalance';
import { rechargePreview } from '../minutes/rechargePreview';
import type { RuntimeAccount } from './runtimeAccount';
import { markBelowThreshold } from './usageRepository';

/**
 * The recharge threshold (R5.3: 7 days of the last 30 days' average) changes slowly but costs a
 * 30-day sum to compute, so metering keeps it per account for a minute.
 */
export interface ThresholdCache {
    get(pool: Pool, account: RuntimeAccount, now: Date): Promise<number>;
}

export function createThresholdCache(ttlMs = 60_000): ThresholdCache {
    const cache = new Map<string, { thresholdCents: number; until: number }>();
    return {
        async get(pool, account, now) {
            const cached = cache.get(account.id);
            if (cached !== undefined && cached.until > performance.now()) return cached.thresholdCents;
            const { thresholdCents } = await rechargePreview(pool, account, now);
            if (cache.size > 10_000) cache.clear();
            cache.set(account.id, { thresholdCents, until: performance.now() + ttlMs });
            return thresholdCents;
        }
    };
}

/**
 * R5.3: when recharge is on and the balance is now below the threshold, wakes the account's
 * recharge job at once, once per crossing: runtime_recharge_watch flips to "below" for exactly one
 * request (across processes), and flips back when a batch sees the balance above again. The
 * four-hourly sweep (R5.4) stays the safety net. Runs after commit: the job sees the usage.
 */
export async function wakeRechargeOnCrossing(
    deps: { pool: Pool; jobs?: JobQueue | undefined; thresholds: ThresholdCache },
    account: RuntimeAccount,
    now: Date
): Promise<void> {
    const settings = await loadMinuteSettings(deps.pool, account.id);
    if (!settings.rechargeEnabled) return;
    const thresholdCents = await deps.thresholds.get(deps.pool, account, now);
    const { balanceCents } = await minutesBalance(deps.pool, account.id);
    const below = balanceCents < thresholdCents;
    const crossed = await markBelowThreshold(deps.pool, { accountId: account.id, below, now });
    if (crossed) await deps.jobs?.wakeMinuteRecharge(account.id);
}
