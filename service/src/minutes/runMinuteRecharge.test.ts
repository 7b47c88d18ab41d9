import { withTransaction } from '../db/withTransaction';
import { addTestCard } from '../funding/testing';
import { setRechargeSource } from '../funding/setRechargeSource';
import { fixedClock } from '../kernel/clock';
import { verifyLedger } from '../ledger/verifyLedger';
import { createLocalProcessor } from '../payments/localProcessor';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase';
import { makeAccount, TEST_NOW } from '../testing/factories';
import type { MoneyDeps } from '../transactions/recordPurchase';
import { seedMoney } from '../seed/seedMoney';
import { minutesBalance } from './minutesBalance';
import { saveRechargeEnabled } from './minuteSettingsRepository';
import { recordUsage } from './recordUsage';
import { MAX_RECHARGES_PER_DAY, runMinuteRecharge, runMinuteRecharges } from './runMinuteRecharge';

const FOUR_HOURS = 4 * 60 * 60 * 1000;

describe('R5.4 the automatic minute recharge job', () => {
    let db: TestDatabase;
    let deps: MoneyDeps;
    beforeAll(async () => {
        db = await createTestDatabase();
        deps = { pool: db.pool, processor: createLocalProcessor(db.pool) };
    });
    afterAll(async () => {
        await db.cleanup();
    });

    /** The seeded account (balance $67.10, threshold $31.01, recharge $62.02) after $40 of calls today. */
    async function accountBelowThreshold(enabled = true): Promise<string> {
        const { accountId } = await makeAccount(db.pool);
        await seedMoney(db.pool, accountId, fixedClock(TEST_NOW), deps.processor);
        await withTransaction(db.pool, async (tx) => {
            const calls = [0, 1].map(() => ({
                kind: 'call' as const,
                seconds: 60_000,
                occurredAt: TEST_NOW
            }));
            await recordUsage(tx, {
                accountId,
                smsRateCents: 1,
                batchId: 'today',
                events: calls,
                now: TEST_NOW
            });
            await saveRechargeEnabled(tx, accountId, enabled, TEST_NOW);
        });
        return accountId;
    }

    async function spend(accountId: string, batchId: string, dollars: number): Promise<void> {
        await withTransaction(db.pool, (tx) =>
            recordUsage(tx, {
                accountId,
                smsRateCents: 1,
                batchId,
                events: [{ kind: 'call' as const, seconds: dollars * 50 * 60, occurredAt: TEST_NOW }],
                now: TEST_NOW
            })
        );
    }

    it('charges the recharge amount once, even when two servers run it at once, and at most N a day', async () => {
        const accountId = await accountBelowThreshold();
        expect(await minutesBalance(db.pool, accountId)).toMatchObject({ balanceCents: 2710 });
        const outcomes = await Promise.all([
            runMinuteRecharge(deps, { accountId, now: TEST_NOW }),
            runMinuteRecharge(deps, { accountId, now: TEST_NOW })
        ]);
        // The second waits for the first's lock, then counts its recharge (in flight or done).
        expect(outcomes.filter((outcome) => outcome.status === 'recharged')).toEqual([
            expect.objectContaining({ amountCents: 6202 })
        ]);
        expect(outcomes.map((outcome) => outcome.status)).toEqual(
            expect.arrayContaining([expect.stringMatching(/^(in_flight|not_needed)$/)])
        );
        expect(await minutesBalance(db.pool, accountId)).toMatchObject({ balanceCents: 2710 + 6202 });
        for (let burst = 2; burst <= MAX_RECHARGES_PER_DAY; burst++) {
            await spend(accountId, `burst-${burst}`, 100);
            expect(await runMinuteRecharge(deps, { accountId, now: TEST_NOW })).toMatchObject({
                status: 'recharged'
            });
        }
        await spend(accountId, 'burst-over', 200);
        expect(await runMinuteRecharge(deps, { accountId, now: TEST_NOW })).toEqual({
            status: 'daily_limit'
        });
        const keys = await db.pool.query<{ idempotency_key: string }>(
            "SELECT idempotency_key FROM sales_transactions WHERE billing_account_id = $1 AND kind = 'minutes' AND idempotency_key LIKE 'minute-recharge:%'",
            [accountId]
        );
        expect(keys.rowCount).toBe(MAX_RECHARGES_PER_DAY);
        expect(await verifyLedger(db.pool)).toEqual([]);
    });

    it('does nothing when recharge is off', async () => {
        const accountId = await accountBelowThreshold(false);
        expect(await runMinuteRecharge(deps, { accountId, now: TEST_NOW })).toEqual({ status: 'not_needed' });
        expect(await minutesBalance(db.pool, accountId)).toMatchObject({ balanceCents: 2710 });
    });

    it('R4.3 keeps recharging a cancelling account until its effective date, and stops after', async () => {
        const accountId = await accountBelowThreshold();
        const cancel = (effectiveOn: string) =>
            db.pool.query(
                "UPDATE billing_accounts SET status = 'cancelling', cancel_effective_on = $2 WHERE id = $1",
                [accountId, effectiveOn]
            );
        // TEST_NOW is November 22 in New York: an account ending on November 21 is out of service.
        await cancel('2026-11-21');
        expect(await runMinuteRecharge(deps, { accountId, now: TEST_NOW })).toEqual({ status: 'not_needed' });
        const none = await runMinuteRecharges(deps, TEST_NOW);
        expect(none.map((result) => result.accountId)).not.toContain(accountId);
        await cancel('2026-11-22');
        expect(await runMinuteRecharge(deps, { accountId, now: TEST_NOW })).toMatchObject({
            status: 'recharged'
        });
        expect(await verifyLedger(db.pool)).toEqual([]);
    });

    it('records a decline, notifies once, backs off, and does not notify a second decline in a row', async () => {
        const accountId = await accountBelowThreshold();
        const declining = await addTestCard(db.pool, deps.processor, accountId, TEST_NOW, {
            number: '4000000000000002'
        });
        await withTransaction(db.pool, (tx) =>
            setRechargeSource(tx, { accountId, fundingSourceId: declining.id, now: TEST_NOW })
        );
        expect(await runMinuteRecharge(deps, { accountId, now: TEST_NOW })).toMatchObject({
            status: 'declined',
            reason: expect.stringContaining('declined') as string
        });
        expect(await runMinuteRecharge(deps, { accountId, now: TEST_NOW })).toMatchObject({
            status: 'backing_off',
            until: new Date(TEST_NOW.getTime() + FOUR_HOURS)
        });
        const later = new Date(TEST_NOW.getTime() + FOUR_HOURS);
        const results = await runMinuteRecharges(deps, later);
        expect(results.filter((result) => result.accountId === accountId)).toEqual([
            { accountId, outcome: expect.objectContaining({ status: 'declined' }) as unknown }
        ]);
        // Two declines in a row: the back-off doubles.
        expect(
            await runMinuteRecharge(deps, { accountId, now: new Date(later.getTime() + FOUR_HOURS) })
        ).toMatchObject({
            status: 'backing_off'
        });
        const failed = await db.pool.query(
            "SELECT 1 FROM sales_transactions WHERE billing_account_id = $1 AND kind = 'minutes' AND status = 'failed'",
            [accountId]
        );
        expect(failed.rowCount).toBe(2);
        const notices = await db.pool.query<{ kind: string }>(
            'SELECT kind FROM notices WHERE billing_account_id = $1',
            [accountId]
        );
        expect(notices.rows).toEqual([{ kind: 'recharge_declined' }]);
        expect(await minutesBalance(db.pool, accountId)).toMatchObject({ balanceCents: 2710 });
    });
});
