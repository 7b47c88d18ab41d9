import { withTransaction } from '../db/withTransaction';
import { fixedClock, type Clock } from '../kernel/clock';
import type { Mailer } from '../kernel/mailer';
import { runBillingJobs } from '../jobs/billingJobs';
import { verifyLedger } from '../ledger/verifyLedger';
import { saveRechargeEnabled } from '../minutes/minuteSettingsRepository';
import { recordUsage } from '../minutes/recordUsage';
import { createLocalProcessor } from '../payments/localProcessor';
import { as, AUTHORIZATION } from '../testing/buildTestApp';
import { makeAccount, TEST_NOW, type TestAccount } from '../testing/factories';
import { snapshotDatabase } from '../testing/snapshotDatabase';
import { useTestApp } from '../testing/testDatabase';
import { seedMoney } from '../seed/seedMoney';
import { formatTransactionNumber } from '../transactions/transactionNumber';

/** 31 December 2026, 23:00 in Los Angeles: the last day of the term. */
const LAST_DAY = new Date('2027-01-01T07:00:00Z');
/** 1 January 2027, 01:00 in Los Angeles (already 09:00 on 1 January in UTC, so the time zone counts). */
const DAY_AFTER = new Date('2027-01-01T09:00:00Z');

describe('R4.3 a cancellation takes effect after the last day of the term', () => {
    let current = TEST_NOW;
    const clock: Clock = { now: () => new Date(current) };
    const sent: string[] = [];
    const mailer: Mailer = {
        send: (message) => {
            sent.push(message.to);
            return Promise.resolve();
        }
    };
    const t = useTestApp((pool) => ({ processor: createLocalProcessor(pool), clock, mailer }));

    /** An account whose term ends on 31 December, with cards, and minutes below the recharge threshold. */
    async function accountDueEverything(orgId?: string): Promise<TestAccount> {
        const account = await makeAccount(t.db.pool, {
            ...(orgId === undefined ? {} : { orgId }),
            timeZone: 'America/Los_Angeles',
            termStart: '2026-01-01',
            termEnd: '2026-12-31',
            licenses: { CRM: { quantity: 3, floor: 2, unitPriceCents: 6500 } }
        });
        const processor = createLocalProcessor(t.db.pool);
        await seedMoney(t.db.pool, account.accountId, fixedClock('2026-12-31T12:00:00Z'), processor);
        await withTransaction(t.db.pool, async (tx) => {
            const at = new Date('2026-12-31T12:00:00Z');
            const calls = [0, 1].map(() => ({ kind: 'call' as const, seconds: 60_000, occurredAt: at }));
            await recordUsage(tx, {
                accountId: account.accountId,
                smsRateCents: 1,
                batchId: 'late',
                events: calls,
                now: at
            });
            await saveRechargeEnabled(tx, account.accountId, true, at);
        });
        return account;
    }

    async function charges(accountId: string, kind: string): Promise<number> {
        const result = await t.db.pool.query<{ count: number }>(
            `SELECT count(*)::int AS count FROM sales_transactions
             WHERE billing_account_id = $1 AND kind = $2 AND status = 'succeeded'`,
            [accountId, kind]
        );
        return result.rows[0]?.count ?? 0;
    }

    it('shows cancelling with the date and amount owed until then; cancelled, unbilled and unchangeable after', async () => {
        const leaving = await accountDueEverything();
        const staying = await accountDueEverything(leaving.orgId);
        const headers = (key?: string) => as({ orgId: leaving.orgId, userId: leaving.admin.id }, key);
        const accountStatus = async () => {
            const summary = await t.app.inject({ url: '/api/v1/summary', headers: headers() });
            const accounts = summary.json<{ accounts: { id: string; status: string }[] }>().accounts;
            return accounts.find((account) => account.id === leaving.accountId)?.status;
        };

        current = TEST_NOW;
        const cancelled = await t.app.inject({
            method: 'POST',
            url: `/api/v1/accounts/${leaving.accountId}/cancellation`,
            headers: headers('cancel'),
            payload: { authorization: AUTHORIZATION }
        });
        // December is still billed at the floors: 2 × $65.00.
        expect(cancelled.json()).toMatchObject({
            status: 'cancelling',
            plan: { effectiveDate: '2026-12-31', remainingOwed: 13_000 }
        });

        current = LAST_DAY;
        expect(await accountStatus()).toBe('cancelling');
        const preview = await t.app.inject({
            method: 'POST',
            url: `/api/v1/accounts/${leaving.accountId}/cancellation/preview`,
            headers: headers(),
            payload: {}
        });
        expect(preview.json()).toMatchObject({ status: 'cancelling', plan: { effectiveDate: '2026-12-31' } });

        current = DAY_AFTER;
        expect(await accountStatus()).toBe('cancelled');
        const cyclesBefore = await charges(leaving.accountId, 'cycle');
        const rechargesBefore = await charges(leaving.accountId, 'minutes');
        const { cycles, recharges } = await runBillingJobs(
            { pool: t.db.pool, processor: createLocalProcessor(t.db.pool) },
            DAY_AFTER
        );
        expect([...cycles, ...recharges].map((result) => result.accountId)).not.toContain(leaving.accountId);
        expect(await charges(leaving.accountId, 'cycle')).toBe(cyclesBefore);
        expect(await charges(leaving.accountId, 'minutes')).toBe(rechargesBefore);
        // The same account not cancelled is billed its January cycle and recharged.
        expect(cycles).toContainEqual({
            accountId: staying.accountId,
            outcome: expect.objectContaining({ status: 'billed', period: '2027-01' }) as unknown
        });
        expect(recharges).toContainEqual({
            accountId: staying.accountId,
            outcome: expect.objectContaining({ status: 'recharged' }) as unknown
        });

        const before = await snapshotDatabase(t.db.pool);
        const refused = await t.app.inject({
            method: 'POST',
            url: `/api/v1/accounts/${leaving.accountId}/minutes/purchases`,
            headers: headers('buy-after-end'),
            payload: { authorization: AUTHORIZATION, amountCents: 10_000 }
        });
        expect(refused.statusCode).toBe(409);
        expect(refused.json()).toMatchObject({
            code: 'account_cancelled',
            message: expect.stringContaining('ended on 2026-12-31') as unknown
        });
        expect(await snapshotDatabase(t.db.pool)).toEqual(before);

        // Its receipts can still be e-mailed: that changes nothing on the account.
        const receipt = await t.db.pool.query<{ number: string }>(
            'SELECT number FROM sales_transactions WHERE billing_account_id = $1 ORDER BY number LIMIT 1',
            [leaving.accountId]
        );
        const emailed = await t.app.inject({
            method: 'POST',
            url: `/api/v1/accounts/${leaving.accountId}/transactions/${formatTransactionNumber(Number(receipt.rows[0]?.number))}/email`,
            headers: headers('receipt-after-end'),
            payload: { authorization: AUTHORIZATION, to: 'books@example.com' }
        });
        expect(emailed.statusCode).toBe(200);
        expect(sent).toEqual(['books@example.com']);
        expect(await verifyLedger(t.db.pool)).toEqual([]);
    });
});
