import { computeCycleCharge, cyclePeriod, type CyclePeriod } from '../../../core/index';
import { forEachAccount, type AccountJobResult } from '../accounts/forEachAccount';
import type { Tx } from '../db/pool';
import { withTransaction } from '../db/withTransaction';
import type { Mailer } from '../kernel/mailer';
import type { UserDirectory } from '../kernel/caller';
import { loadContractTerms, loadQuantities } from '../licenses/licenseRepository';
import { takePendingCharges } from '../ops/pendingChargeRepository';
import { storageView } from '../storage/storageView';
import { claimBillingRun, settleBillingRun, type BillingRun } from '../transactions/billingRunRepository';
import { recordPurchase, type MoneyDeps, type PurchaseLine } from '../transactions/recordPurchase';
import {
    countDeclinedCycleAttempts,
    listAccountsInService,
    lockAccountForCycle,
    type LockedAccount
} from './billingCycleRepository';

const RUN_KIND = 'cycle';

export type CycleOutcome =
    | { status: 'not_due' }
    | { status: 'already_billed'; period: CyclePeriod }
    | { status: 'billed'; period: CyclePeriod; transactionNumber: string | null; totalCents: number }
    | {
          status: 'declined';
          period: CyclePeriod;
          reason: string;
          /** The billing administrator to tell (R4.2). */
          administratorUserId: string | null;
      };

/**
 * R4.1 R4.2 for one account: with the account locked, claims (account, cycle) in billing_runs and
 * charges the cycle (recurring licenses and last month's storage fee, core's computeCycleCharge)
 * through recordPurchase, which falls back to the secondary source. A second run, on this server
 * or another, finds the claim and does nothing; a crash rolls the claim back with everything else,
 * and the retry uses the same key, so the processor charges once. A decline is recorded (failed
 * run and transaction); the next run tries again under a new key (`cycle:<period>:<attempt>`).
 */
export async function runBillingCycle(
    deps: MoneyDeps,
    input: { accountId: string; now: Date }
): Promise<CycleOutcome> {
    return withTransaction(deps.pool, async (tx) => {
        const account = await lockAccountForCycle(tx, input.accountId, input.now);
        if (account?.due !== true) return { status: 'not_due' };
        const period = cyclePeriod(input.now, account.time_zone);
        const run = { kind: RUN_KIND, accountId: account.id, period, now: input.now } as const;
        if (!(await claimBillingRun(tx, run, { retryFailed: true })))
            return { status: 'already_billed', period };
        return chargeCycle(tx, deps, account, run);
    });
}

async function chargeCycle(
    tx: Tx,
    deps: MoneyDeps,
    account: LockedAccount,
    run: BillingRun
): Promise<CycleOutcome> {
    const { period, now } = run;
    // The contract in force on this day (R3.6; issue 14 keeps amendments with their effective date).
    const { prices } = await loadContractTerms(tx, account.id, now);
    const quantities = await loadQuantities(tx, account.id);
    const storage = await storageView(tx, account.id);
    const charge = computeCycleCharge({
        now,
        timeZone: account.time_zone,
        quantities,
        prices,
        lastMonthStorage: storage.measuredOn === null ? null : { users: storage.users, usage: storage.byKind }
    });
    // R7.5: what a representative put on this bill (and a first month onboarded without a card).
    const pending = await takePendingCharges(tx, account.id, period);
    const settled = await settleBillingRun(tx, run, async () => {
        if (charge.total === 0 && pending.length === 0) return null;
        return recordPurchase(tx, deps, {
            accountId: account.id,
            kind: 'cycle',
            idempotencyKey: `cycle:${period}:${(await countDeclinedCycleAttempts(tx, account.id, period)) + 1}`,
            now,
            lines: charge.lines
                .map((line): PurchaseLine => ({
                    productCode: line.product,
                    description: line.description,
                    quantity: line.quantity,
                    unitPriceCents: line.unitPrice,
                    amountCents: line.amount
                }))
                .concat(pending.map(({ id: _id, ...line }) => line))
        });
    });
    if (!settled.charged) {
        const administratorUserId = account.billing_administrator_user_id;
        return { status: 'declined', period, reason: settled.reason, administratorUserId };
    }
    const purchase = settled.value;
    return {
        status: 'billed',
        period,
        transactionNumber: purchase?.number ?? null,
        totalCents: purchase?.totalCents ?? 0
    };
}

/**
 * R4.1 R4.2: bills every account in service whose cycle is due; tells the billing administrator of
 * each declined cycle by e-mail (when a mailer is configured). Safe to run as often as wanted.
 */
export async function runBillingCycles(
    deps: MoneyDeps & { directory?: UserDirectory; mailer?: Mailer },
    now: Date
): Promise<AccountJobResult<CycleOutcome>[]> {
    const accounts = await listAccountsInService(deps.pool, now);
    const orgOf = new Map(accounts.map((row) => [row.id, row.org_id]));
    return forEachAccount([...orgOf.keys()], async (accountId) => {
        const outcome = await runBillingCycle(deps, { accountId, now });
        if (outcome.status === 'declined') await tellAdministrator(deps, orgOf.get(accountId) ?? '', outcome);
        return outcome;
    });
}

async function tellAdministrator(
    deps: { directory?: UserDirectory; mailer?: Mailer },
    orgId: string,
    outcome: Extract<CycleOutcome, { status: 'declined' }>
): Promise<void> {
    if (deps.directory === undefined || deps.mailer === undefined || outcome.administratorUserId === null)
        return;
    const administrator = await deps.directory.getUser(orgId, outcome.administratorUserId);
    if (administrator === undefined) return;
    await deps.mailer.send({
        to: administrator.email,
        subject: `PowerDialer Billing: the ${outcome.period} bill could not be charged`,
        text: `${outcome.reason} We will try again; to avoid an interruption, add or update a funding source in Billing Preferences.`
    });
}
