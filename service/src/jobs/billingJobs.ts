import { runBillingCycles } from '../cycle/runBillingCycle';
import { runMinuteRecharges } from '../minutes/runMinuteRecharge';
import type { MoneyDeps } from '../transactions/recordPurchase';

/**
 * One pass of the billing jobs at `now` in this process, without the queue (the CLI and tests):
 * the monthly cycle with its dunning retries (R4.1, R4.2), then minute recharges (R5.4). The
 * service runs the same work as queue jobs (startWorker).
 */
export async function runBillingJobs(deps: MoneyDeps, now: Date) {
    const cycles = await runBillingCycles(deps, now);
    const recharges = await runMinuteRecharges(deps, now);
    return { cycles, recharges };
}
