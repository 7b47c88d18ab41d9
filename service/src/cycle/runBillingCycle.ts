import { computeCycleCharge, cyclePeriod, type CyclePeriod } from '../../../core/index';
import { inServiceAt } from '../accounts/billingAccountRepository';
import { forEachAccount, type AccountJobResult } from '../accounts/forEachAccount';
import type { Tx } from '../db/pool';
import { withTransaction } from '../db/withTransaction';
import type { Mailer } from '../kernel/mailer';
import type { UserDirectory } from '../kernel/caller';
import { loadContractTerms, loadQuantities } from '../licenses/licenseRepository';
import { storageView } from '../storage/storageView';
import { claimBillingRun, settleBillingRun, type BillingRun } from '../transactions/billingRuns';
import { recordPurchase, type MoneyDeps } from '../transactions/recordPurchase';

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

interface LockedAccount {
    id: string;
    org_id: string;
    time_zone: string;
    billing_administrator_user_id: string | null;
    /** Opened before this cycle's first day: its first month was paid at signup, not by a cycle. */
    due: boolean;
}

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
        const locked = await tx.query<LockedAccount>(
            `SELECT a.id, a.org_id, a.time_zone, a.billing_administrator_user_id,
                    a.created_at < date_trunc('month', $2::timestamptz AT TIME ZONE a.time_zone) AT TIME ZONE a.time_zone AS due
             FROM billing_accounts a WHERE a.id = $1 AND ${inServiceAt('$2')} FOR UPDATE`,
            [input.accountId, input.now]
        );
        const account = locked.rows[0];
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
    const { prices } = await loadContractTerms(tx, account.id);
    const quantities = await loadQuantities(tx, account.id);
    const storage = await storageView(tx, account.id);
    const charge = computeCycleCharge({
        now,
        timeZone: account.time_zone,
        quantities,
        prices,
        lastMonthStorage: storage.measuredOn === null ? null : { users: storage.users, usage: storage.byKind }
    });
    const settled = await settleBillingRun(tx, run, async () => {
        if (charge.total === 0) return null;
        return recordPurchase(tx, deps, {
            accountId: account.id,
            kind: 'cycle',
            idempotencyKey: `cycle:${period}:${await nextAttempt(tx, account.id, period)}`,
            now,
            lines: charge.lines.map((line) => ({
                productCode: line.product,
                description: line.description,
                quantity: line.quantity,
                unitPriceCents: line.unitPrice,
                amountCents: line.amount
            }))
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

/** 1 + the declined attempts of this cycle (recorded outside the rolled-back transactions, so they last). */
async function nextAttempt(tx: Tx, accountId: string, period: CyclePeriod): Promise<number> {
    const failed = await tx.query<{ attempts: number }>(
        `SELECT count(*)::int AS attempts FROM sales_transactions
         WHERE billing_account_id = $1 AND kind = 'cycle' AND status = 'failed' AND idempotency_key LIKE $2`,
        [accountId, `cycle:${period}:%`]
    );
    return (failed.rows[0]?.attempts ?? 0) + 1;
}

/**
 * R4.1 R4.2: bills every account in service whose cycle is due; tells the billing administrator of
 * each declined cycle by e-mail (when a mailer is configured). Safe to run as often as wanted.
 */
export async function runBillingCycles(
    deps: MoneyDeps & { directory?: UserDirectory; mailer?: Mailer },
    now: Date
): Promise<AccountJobResult<CycleOutcome>[]> {
    const accounts = await deps.pool.query<{ id: string; org_id: string }>(
        `SELECT a.id, a.org_id FROM billing_accounts a WHERE ${inServiceAt('$1')} ORDER BY a.id`,
        [now]
    );
    const orgOf = new Map(accounts.rows.map((row) => [row.id, row.org_id]));
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
