import type { FastifyInstance } from 'fastify';
import { addTestCard } from '../funding/testing';
import type { PaymentProcessor } from '../kernel/paymentProcessor';
import { verifyLedger } from '../ledger/verifyLedger';
import { minutesBalance } from '../minutes/minutesBalance';
import { AUTHORIZATION, as, buildTestApp } from '../testing/buildTestApp';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase';
import { makeAccount, TEST_NOW, type TestAccount } from '../testing/factories';
import { createLocalProcessor } from './localProcessor';
import { reconcilePendingCharges } from './reconcilePendingCharges';

jest.setTimeout(120_000);

/** The local processor, with a fault for the first charge only. */
function faulty(local: PaymentProcessor, fault: 'charge_then_time_out' | 'hang'): PaymentProcessor {
    let faults = 1;
    return {
        ...local,
        charge: async (request) => {
            if (faults-- <= 0) return local.charge(request);
            if (fault === 'hang') return new Promise(() => undefined);
            await local.charge(request);
            throw new Error('ETIMEDOUT: the answer was lost');
        }
    };
}

describe('issue 9: a charge whose answer is lost is finished by the reconciler, charged and recorded once', () => {
    let db: TestDatabase;
    beforeAll(async () => {
        db = await createTestDatabase();
    });
    afterAll(async () => {
        await db.cleanup();
    });

    async function scenario(fault: 'charge_then_time_out' | 'hang') {
        const local = createLocalProcessor(db.pool);
        const app: FastifyInstance = await buildTestApp(db.pool, {
            processor: faulty(local, fault),
            paymentTimeoutMs: 300
        });
        const account: TestAccount = await makeAccount(db.pool);
        await addTestCard(db.pool, local, account.accountId, TEST_NOW);
        const buy = () =>
            app.inject({
                method: 'POST',
                url: `/api/v1/accounts/${account.accountId}/minutes/purchases`,
                headers: as({ orgId: account.orgId, userId: account.admin.id }, `buy-${fault}`),
                payload: { amountCents: 10_000, authorization: AUTHORIZATION }
            });
        const rows = async () =>
            (
                await db.pool.query<{ status: string; applied: boolean }>(
                    'SELECT status, applied_at IS NOT NULL AS applied FROM sales_transactions WHERE billing_account_id = $1',
                    [account.accountId]
                )
            ).rows;
        const processorCharges = async () =>
            (
                await db.pool.query('SELECT 1 FROM local_processor_charge WHERE idempotency_key LIKE $1', [
                    `${account.accountId}:%`
                ])
            ).rowCount;
        return { app, local, account, buy, rows, processorCharges };
    }

    it.each(['charge_then_time_out', 'hang'] as const)(
        'processor fault %s: 202 payment_pending, then one charge and one record after the reconciler and the retry',
        async (fault) => {
            const { app, local, account, buy, rows, processorCharges } = await scenario(fault);
            try {
                const first = await buy();
                expect(first.statusCode).toBe(202);
                expect(first.json()).toMatchObject({ code: 'payment_pending' });
                expect(first.headers['retry-after']).toBe('1');
                expect(await rows()).toEqual([{ status: 'pending', applied: false }]);
                expect((await minutesBalance(db.pool, account.accountId)).balanceCents).toBe(0);

                // The reconciler asks the processor about the fixed key: taken → settled as paid;
                // never taken (the hang) → sent again with the same key.
                const reconciled = await reconcilePendingCharges(
                    { pool: db.pool, processor: local, paymentTimeoutMs: 300 },
                    { olderThanMs: 0 }
                );
                expect(reconciled).toEqual({ found: 1, settled: 1, stillPending: 0 });
                expect(await rows()).toEqual([{ status: 'succeeded', applied: false }]);

                // The panel's retry with the same key completes the purchase; once more is a replay.
                const retried = await buy();
                expect(retried.statusCode).toBe(201);
                expect((await buy()).headers['idempotent-replayed']).toBe('true');
                expect(await rows()).toEqual([{ status: 'succeeded', applied: true }]);
                expect(await processorCharges()).toBe(1);
                expect((await minutesBalance(db.pool, account.accountId)).balanceCents).toBe(10_000);
                expect(await verifyLedger(db.pool)).toEqual([]);
            } finally {
                await app.close();
            }
        }
    );

    it('leaves a charge alone while it is younger than the bound, and counts one the processor still does not answer', async () => {
        const { app, local, buy, rows } = await scenario('hang');
        try {
            expect((await buy()).statusCode).toBe(202);
            const young = await reconcilePendingCharges(
                { pool: db.pool, processor: local },
                { olderThanMs: 60_000 }
            );
            expect(young.found).toBe(0);
            const silent: PaymentProcessor = {
                ...local,
                findCharge: () => Promise.reject(new Error('processor down'))
            };
            const down = await reconcilePendingCharges(
                { pool: db.pool, processor: silent, paymentTimeoutMs: 300 },
                { olderThanMs: 0 }
            );
            expect(down).toMatchObject({ settled: 0, stillPending: down.found });
            expect(await rows()).toEqual([{ status: 'pending', applied: false }]);
            await reconcilePendingCharges({ pool: db.pool, processor: local }, { olderThanMs: 0 });
            expect(await rows()).toEqual([{ status: 'succeeded', applied: false }]);
        } finally {
            await app.close();
        }
    });
});
