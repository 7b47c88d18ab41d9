import { register } from 'prom-client';
import { balanceOf } from '../ledger/balanceOf';
import { verifyLedger } from '../ledger/verifyLedger';
import { createPool } from '../db/pool';
import { withTransaction } from '../db/withTransaction';
import { addTestCard } from '../funding/testing';
import { createLocalProcessor } from '../payments/localProcessor';
import type { PaymentProcessor } from '../kernel/paymentProcessor';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase';
import { makeAccount, TEST_NOW } from '../testing/factories';
import { recordPurchase, type MoneyDeps, type PurchaseInput } from './recordPurchase';

describe('R8.1 recordPurchase', () => {
    let db: TestDatabase;
    let deps: MoneyDeps;
    let charges: number;
    beforeAll(async () => {
        db = await createTestDatabase();
        const local = createLocalProcessor(db.pool);
        const counting: PaymentProcessor = {
            name: local.name,
            tokenize: (details) => local.tokenize(details),
            charge: (request) => {
                charges++;
                return local.charge(request);
            },
            findCharge: (key) => local.findCharge(key)
        };
        deps = { pool: db.pool, processor: counting };
    });
    beforeEach(() => {
        charges = 0;
    });
    afterAll(async () => {
        await db.cleanup();
    });

    function licenses(accountId: string, idempotencyKey: string): PurchaseInput {
        return {
            accountId,
            kind: 'licenses',
            lines: [
                {
                    productCode: 'CRM',
                    description: 'CRM, 2 added, prorated',
                    quantity: 2,
                    unitPriceCents: 6500,
                    prorationDays: { days: 9, daysInMonth: 30 },
                    amountCents: 3900
                }
            ],
            idempotencyKey,
            now: TEST_NOW
        };
    }

    async function transactionRows(accountId: string) {
        const rows = await db.pool.query<{ number: number; status: string; total_cents: number }>(
            'SELECT number, status, total_cents FROM sales_transactions WHERE billing_account_id = $1 ORDER BY number',
            [accountId]
        );
        return rows.rows;
    }

    it('charges the primary card, numbers the transaction and posts sale and payment to the ledger', async () => {
        const { accountId } = await makeAccount(db.pool);
        const card = await addTestCard(db.pool, deps.processor, accountId, TEST_NOW);
        const purchase = await withTransaction(db.pool, (tx) =>
            recordPurchase(tx, deps, licenses(accountId, 'k1'))
        );
        expect(purchase).toMatchObject({
            status: 'succeeded',
            totalCents: 3900,
            fundingSourceId: card.id,
            alreadyRecorded: false
        });
        expect(purchase.number).toMatch(/^TRX-\d{6}$/);
        expect(charges).toBe(1);
        const lines = await db.pool.query(
            'SELECT product_code, quantity, proration_days, days_in_month, amount_cents FROM sales_transaction_lines'
        );
        expect(lines.rows).toEqual([
            { product_code: 'CRM', quantity: 2, proration_days: 9, days_in_month: 30, amount_cents: 3900 }
        ]);
        expect(await balanceOf(db.pool, accountId, 'revenue_licenses')).toEqual({
            postedCents: 3900,
            pendingCents: 0
        });
        expect(await balanceOf(db.pool, accountId, 'processor_clearing')).toEqual({
            postedCents: 3900,
            pendingCents: 0
        });
        expect(await balanceOf(db.pool, accountId, 'receivable')).toEqual({
            postedCents: 0,
            pendingCents: 0
        });
        expect(await verifyLedger(db.pool)).toEqual([]);
    });

    it('a retry with the same key returns the first purchase: one charge, one transaction', async () => {
        const { accountId } = await makeAccount(db.pool);
        await addTestCard(db.pool, deps.processor, accountId, TEST_NOW);
        const first = await withTransaction(db.pool, (tx) =>
            recordPurchase(tx, deps, licenses(accountId, 'same'))
        );
        const again = await withTransaction(db.pool, (tx) =>
            recordPurchase(tx, deps, licenses(accountId, 'same'))
        );
        expect(again).toEqual({ ...first, alreadyRecorded: true });
        expect(charges).toBe(1);
        expect(await transactionRows(accountId)).toHaveLength(1);
        expect(await balanceOf(db.pool, accountId, 'revenue_licenses')).toMatchObject({ postedCents: 3900 });
        expect(await verifyLedger(db.pool)).toEqual([]);
    });

    it('issue 9: the charge is recorded before the change commits: a crash of the change leaves it recorded, and the retry charges nothing more', async () => {
        const { accountId } = await makeAccount(db.pool);
        await addTestCard(db.pool, deps.processor, accountId, TEST_NOW);
        await expect(
            withTransaction(db.pool, async (tx) => {
                await recordPurchase(tx, deps, licenses(accountId, 'crash'));
                throw new Error('server died');
            })
        ).rejects.toThrow('server died');
        expect(await transactionRows(accountId)).toEqual([
            expect.objectContaining({ status: 'succeeded', total_cents: 3900 })
        ]);
        const retried = await withTransaction(db.pool, (tx) =>
            recordPurchase(tx, deps, licenses(accountId, 'crash'))
        );
        // The change it pays for commits only now: the first to commit it is not a replay.
        expect(retried.alreadyRecorded).toBe(false);
        expect(charges).toBe(1);
        const processorCharges = await db.pool.query(
            'SELECT 1 FROM local_processor_charge WHERE idempotency_key LIKE $1',
            [`${accountId}:crash:%`]
        );
        expect(processorCharges.rowCount).toBe(1);
        expect(await transactionRows(accountId)).toHaveLength(1);
    });

    it('a decline records a failed transaction, changes nothing else and answers 402 payment_declined', async () => {
        const { accountId } = await makeAccount(db.pool);
        await addTestCard(db.pool, deps.processor, accountId, TEST_NOW, { number: '4000000000009995' });
        const attempt = withTransaction(db.pool, async (tx) => {
            await tx.query(
                "UPDATE license_quantities SET quantity = quantity + 2 WHERE billing_account_id = $1 AND license_code = 'CRM'",
                [accountId]
            );
            return recordPurchase(tx, deps, licenses(accountId, 'declined'));
        });
        await expect(attempt).rejects.toMatchObject({
            code: 'payment_declined',
            httpStatus: 402,
            message: expect.stringContaining('insufficient funds') as string
        });
        expect(await transactionRows(accountId)).toEqual([
            expect.objectContaining({ status: 'failed', total_cents: 3900 })
        ]);
        const quantity = await db.pool.query(
            "SELECT quantity FROM license_quantities WHERE billing_account_id = $1 AND license_code = 'CRM'",
            [accountId]
        );
        expect(quantity.rows[0]).toEqual({ quantity: 5 });
        expect(await balanceOf(db.pool, accountId, 'revenue_licenses')).toMatchObject({ postedCents: 0 });
        const metrics = await register.getSingleMetricAsString('billing_payments_total');
        expect(metrics).toContain(
            'billing_payments_total{processor="local",status="declined",decline_code="insufficient_funds"} 1'
        );
        // The same key again: the same decline, not a second charge attempt or a second record.
        await expect(
            withTransaction(db.pool, (tx) => recordPurchase(tx, deps, licenses(accountId, 'declined')))
        ).rejects.toMatchObject({ code: 'payment_declined' });
        expect(charges).toBe(1);
        expect(await transactionRows(accountId)).toHaveLength(1);
        expect(await verifyLedger(db.pool)).toEqual([]);
    });

    it('R4.2 a cycle charge falls back to the secondary source when the primary declines', async () => {
        const { accountId } = await makeAccount(db.pool);
        await addTestCard(db.pool, deps.processor, accountId, TEST_NOW, { number: '4000000000000002' });
        const secondary = await addTestCard(db.pool, deps.processor, accountId, TEST_NOW, {
            number: '5555555555554444'
        });
        const cycle = await withTransaction(db.pool, (tx) =>
            recordPurchase(tx, deps, {
                accountId,
                kind: 'cycle',
                lines: [
                    {
                        productCode: 'CRM',
                        description: 'CRM x 5',
                        quantity: 5,
                        unitPriceCents: 6500,
                        amountCents: 32_500
                    },
                    {
                        productCode: 'STORAGE',
                        description: 'Storage, 1 GB started',
                        quantity: 1,
                        unitPriceCents: 3000,
                        amountCents: 3000
                    }
                ],
                idempotencyKey: 'cycle:2026-12',
                now: TEST_NOW
            })
        );
        expect(cycle).toMatchObject({
            status: 'succeeded',
            fundingSourceId: secondary.id,
            totalCents: 35_500
        });
        expect(charges).toBe(2);
        expect(await balanceOf(db.pool, accountId, 'revenue_licenses')).toMatchObject({
            postedCents: 32_500
        });
        expect(await balanceOf(db.pool, accountId, 'revenue_storage')).toMatchObject({ postedCents: 3000 });
        expect(await verifyLedger(db.pool)).toEqual([]);
    });

    it('refuses lines that are not whole, non-negative cents, and the same key for another purchase', async () => {
        const { accountId } = await makeAccount(db.pool);
        await addTestCard(db.pool, deps.processor, accountId, TEST_NOW);
        const bad = licenses(accountId, 'bad');
        await expect(
            withTransaction(db.pool, (tx) =>
                recordPurchase(tx, deps, { ...bad, lines: [{ ...bad.lines[0]!, amountCents: 39.5 }] })
            )
        ).rejects.toMatchObject({ code: 'invalid_purchase', httpStatus: 400 });
        await withTransaction(db.pool, (tx) => recordPurchase(tx, deps, licenses(accountId, 'k')));
        await expect(
            withTransaction(db.pool, (tx) =>
                recordPurchase(tx, deps, { ...licenses(accountId, 'k'), kind: 'services' })
            )
        ).rejects.toMatchObject({ code: 'purchase_key_reused' });
        expect(charges).toBe(1);
    });

    it('never waits for ever for a connection: 6 purchases at once on a pool of 2, declines included', async () => {
        const small = createPool({ connectionString: db.databaseUrl, schema: db.schema, max: 2 });
        const smallDeps: MoneyDeps = { pool: small, processor: createLocalProcessor(small) };
        try {
            const accounts = await Promise.all([0, 1, 2].map(() => makeAccount(db.pool)));
            for (const [index, { accountId }] of accounts.entries()) {
                const number = index === 0 ? '4000000000000002' : '4242424242424242';
                await addTestCard(db.pool, smallDeps.processor, accountId, TEST_NOW, { number });
            }
            const attempts = accounts.flatMap(({ accountId }) =>
                ['a', 'b'].map((key) =>
                    withTransaction(small, (tx) => recordPurchase(tx, smallDeps, licenses(accountId, key)))
                )
            );
            const outcomes = await Promise.allSettled(attempts);
            expect(outcomes.map((outcome) => outcome.status)).toEqual([
                'rejected',
                'rejected',
                'fulfilled',
                'fulfilled',
                'fulfilled',
                'fulfilled'
            ]);
        } finally {
            await small.end();
        }
    });
});
