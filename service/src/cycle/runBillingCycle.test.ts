import { addTestCard } from '../funding/testing';
import { verifyLedger } from '../ledger/verifyLedger';
import { createLocalProcessor } from '../payments/localProcessor';
import { makeAccount, TEST_NOW, type TestAccount } from '../testing/factories';
import { useTestDatabase } from '../testing/testDatabase';
import type { MoneyDeps } from '../transactions/recordPurchase';
import { runBillingCycle, runBillingCycles } from './runBillingCycle';

/** December 1, 2026, 09:00 in New York (the test accounts' time zone). */
const DECEMBER_FIRST = new Date('2026-12-01T14:00:00Z');
const DECLINING_CARD = '4000000000000002';

describe('R4.1 R4.2 the monthly billing cycle', () => {
    const t = useTestDatabase();
    let deps: MoneyDeps;
    beforeAll(() => {
        deps = { pool: t.db.pool, processor: createLocalProcessor(t.db.pool) };
    });
    afterEach(async () => {
        expect(await verifyLedger(t.db.pool)).toEqual([]);
    });

    /** 5 CRM at $65 and 2 Dialer Tab at $20 ($365 a month), 500 MB used in November (5 users: 250 MB allowance). */
    async function account(card = '4242424242424242'): Promise<TestAccount> {
        const made = await makeAccount(t.db.pool, {
            users: 5,
            licenses: {
                CRM: { quantity: 5, unitPriceCents: 6500, assignedTo: 5 },
                DIALER_TAB: { quantity: 2, unitPriceCents: 2000 }
            }
        });
        await addTestCard(t.db.pool, deps.processor, made.accountId, TEST_NOW, { number: card });
        await t.db.pool.query(
            "INSERT INTO storage_usage (billing_account_id, measured_on, kind, megabytes) VALUES ($1, '2026-11-30', 'records', 500)",
            [made.accountId]
        );
        return made;
    }

    async function cycleTransactions(accountId: string) {
        const rows = await t.db.pool.query<{ status: string; total_cents: string; idempotency_key: string }>(
            `SELECT status, total_cents, idempotency_key FROM sales_transactions
             WHERE billing_account_id = $1 AND kind = 'cycle' ORDER BY number`,
            [accountId]
        );
        return rows.rows.map((row) => ({ ...row, total_cents: Number(row.total_cents) }));
    }

    it('bills licenses in advance plus last month’s storage fee, once, even when two servers run at once', async () => {
        const { accountId } = await account();
        const outcomes = await Promise.all([
            runBillingCycle(deps, { accountId, now: DECEMBER_FIRST }),
            runBillingCycle(deps, { accountId, now: DECEMBER_FIRST })
        ]);
        // $325 CRM + $40 Dialer Tab + $30 storage (500 MB over a 250 MB allowance: one started GB).
        expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['already_billed', 'billed']);
        expect(outcomes).toContainEqual(expect.objectContaining({ period: '2026-12', totalCents: 39_500 }));
        const later = new Date(DECEMBER_FIRST.getTime() + 6 * 3600 * 1000);
        expect(await runBillingCycle(deps, { accountId, now: later })).toEqual({
            status: 'already_billed',
            period: '2026-12'
        });
        expect(await cycleTransactions(accountId)).toEqual([
            { status: 'succeeded', total_cents: 39_500, idempotency_key: 'cycle:2026-12:1' }
        ]);
    });

    it('does not bill an account opened this month (its first month was paid at signup)', async () => {
        const { accountId } = await account();
        expect(await runBillingCycle(deps, { accountId, now: TEST_NOW })).toEqual({ status: 'not_due' });
        expect(await cycleTransactions(accountId)).toEqual([]);
    });

    it('R4.3 does not bill a cancelled account after its effective date', async () => {
        const { accountId } = await account();
        await t.db.pool.query(
            "UPDATE billing_accounts SET status = 'cancelling', cancel_effective_on = '2026-11-30' WHERE id = $1",
            [accountId]
        );
        expect(await runBillingCycle(deps, { accountId, now: DECEMBER_FIRST })).toEqual({
            status: 'not_due'
        });
    });

    it('R4.2 records a declined cycle, queues one notice, and retries at once when a source is added', async () => {
        const acme = await account(DECLINING_CARD);
        const first = await runBillingCycles(deps, DECEMBER_FIRST);
        expect(first.find((result) => result.accountId === acme.accountId)?.outcome).toMatchObject({
            status: 'declined',
            attempt: 1,
            nextAttemptAt: new Date('2026-12-03T14:00:00Z'),
            pastDue: false
        });
        // Another pass the same day neither charges nor notifies again.
        const again = await runBillingCycles(deps, new Date(DECEMBER_FIRST.getTime() + 3600 * 1000));
        expect(again.map((result) => result.accountId)).not.toContain(acme.accountId);
        const notices = await t.db.pool.query<{ notice_key: string; subject: string }>(
            'SELECT notice_key, subject FROM notices WHERE billing_account_id = $1',
            [acme.accountId]
        );
        expect(notices.rows).toEqual([
            {
                notice_key: 'cycle-declined:2026-12',
                subject: 'PowerDialer Billing: the December 2026 bill of $395.00 could not be charged'
            }
        ]);
        // A working card is added as the secondary: the account is retried at once and falls back to it.
        await addTestCard(t.db.pool, deps.processor, acme.accountId, TEST_NOW);
        const later = new Date(DECEMBER_FIRST.getTime() + 2 * 3600 * 1000);
        const retried = await runBillingCycles(deps, later);
        expect(retried.find((result) => result.accountId === acme.accountId)?.outcome).toMatchObject({
            status: 'billed',
            totalCents: 39_500
        });
        expect(await cycleTransactions(acme.accountId)).toEqual([
            { status: 'failed', total_cents: 39_500, idempotency_key: 'cycle:2026-12:1' },
            { status: 'succeeded', total_cents: 39_500, idempotency_key: 'cycle:2026-12:2' }
        ]);
    });
});
