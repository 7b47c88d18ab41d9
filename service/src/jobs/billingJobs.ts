import type { Logger } from 'pino';
import type { Clock } from '../kernel/clock';
import type { Mailer } from '../kernel/mailer';
import type { UserDirectory } from '../kernel/caller';
import { runBillingCycles } from '../cycle/runBillingCycle';
import { runMinuteRecharges } from '../minutes/runMinuteRecharge';
import type { MoneyDeps } from '../transactions/recordPurchase';

export type JobDeps = MoneyDeps & { directory?: UserDirectory; mailer?: Mailer };

/** Every interval, about: cycles are claimed per month and recharges per four-hour window, so running often is safe. */
const EVERY_MS = 15 * 60 * 1000;

/** One pass of the billing jobs at `now`: the monthly cycle (R4.1, R4.2), then minute recharges (R5.4). */
export async function runBillingJobs(deps: JobDeps, now: Date) {
    const cycles = await runBillingCycles(deps, now);
    const recharges = await runMinuteRecharges(deps, now);
    return { cycles, recharges };
}

/**
 * Runs the billing jobs now and then every interval, one pass at a time, logging each account's
 * outcome. Several servers may run it: billing_runs makes each charge happen once.
 */
export function scheduleBillingJobs(
    deps: JobDeps & { clock: Clock; logger: Logger },
    everyMs = EVERY_MS
): { stop(): Promise<void> } {
    let running: Promise<void> = Promise.resolve();
    const pass = () => {
        running = running.then(async () => {
            try {
                const { cycles, recharges } = await runBillingJobs(deps, deps.clock.now());
                for (const result of [...cycles, ...recharges]) {
                    if (result.outcome.status !== 'not_due' && result.outcome.status !== 'not_needed')
                        deps.logger.info({ job: result }, 'billing job');
                }
            } catch (error) {
                deps.logger.error({ err: error }, 'billing jobs failed; retried at the next pass');
            }
        });
    };
    pass();
    const timer = setInterval(pass, everyMs);
    timer.unref();
    return {
        stop: async () => {
            clearInterval(timer);
            await running;
        }
    };
}
