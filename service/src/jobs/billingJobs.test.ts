import pino from 'pino';
import { addTestCard } from '../funding/testing';
import { fixedClock } from '../kernel/clock';
import { verifyLedger } from '../ledger/verifyLedger';
import { createLocalProcessor } from '../payments/localProcessor';
import { makeAccount, TEST_NOW } from '../testing/factories';
import { useTestDatabase } from '../testing/testDatabase';
import { scheduleBillingJobs } from './billingJobs';

describe('R4.1 R5.4 the billing jobs run by the service', () => {
    const t = useTestDatabase();

    it('runs a pass when scheduled: a due account is billed its cycle, and the outcome is logged', async () => {
        const processor = createLocalProcessor(t.db.pool);
        const { accountId } = await makeAccount(t.db.pool, {
            licenses: { CRM: { quantity: 3, unitPriceCents: 6500 } }
        });
        await addTestCard(t.db.pool, processor, accountId, TEST_NOW);
        const logged: unknown[] = [];
        const logger = pino({ level: 'info' }, { write: (line: string) => logged.push(JSON.parse(line)) });
        const jobs = scheduleBillingJobs(
            { pool: t.db.pool, processor, clock: fixedClock('2026-12-01T14:00:00Z'), logger },
            60 * 60 * 1000
        );
        await jobs.stop();
        const cycles = await t.db.pool.query<{ total_cents: string }>(
            "SELECT total_cents FROM sales_transactions WHERE billing_account_id = $1 AND kind = 'cycle' AND status = 'succeeded'",
            [accountId]
        );
        expect(cycles.rows.map((row) => Number(row.total_cents))).toEqual([19_500]);
        expect(logged).toContainEqual(
            expect.objectContaining({
                msg: 'billing job',
                job: {
                    accountId,
                    outcome: expect.objectContaining({ status: 'billed', period: '2026-12' }) as unknown
                }
            })
        );
        expect(await verifyLedger(t.db.pool)).toEqual([]);
    });
});
