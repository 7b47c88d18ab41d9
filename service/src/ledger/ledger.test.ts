import { withTransaction } from '../db/withTransaction';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase';
import { makeAccount, TEST_NOW } from '../testing/factories';
import { balanceOf } from './balanceOf';
import { postPendingTransfer, voidPendingTransfer } from './pendingTransfers';
import { postTransfer } from './postTransfer';
import { verifyLedger } from './verifyLedger';

describe('R8.4 double-entry ledger', () => {
    let db: TestDatabase;
    let accountId: string;
    beforeAll(async () => {
        db = await createTestDatabase();
        accountId = (await makeAccount(db.pool)).accountId;
    });
    afterEach(async () => {
        expect(await verifyLedger(db.pool)).toEqual([]);
    });
    afterAll(async () => {
        await db.cleanup();
    });

    const purchase = (id: string, cents: number) => ({
        id,
        billingAccountId: accountId,
        kind: 'minutes_purchase',
        description: 'Dialer minutes',
        entries: [
            { account: 'processor_clearing' as const, debitCents: cents },
            { account: 'minutes_prepaid' as const, creditCents: cents }
        ],
        at: TEST_NOW
    });

    it('derives balances from entries, on each account’s normal side', async () => {
        await withTransaction(db.pool, (tx) => postTransfer(tx, purchase('purchase-1', 10_000)));
        expect(await balanceOf(db.pool, accountId, 'minutes_prepaid')).toEqual({
            postedCents: 10_000,
            pendingCents: 0
        });
        expect(await balanceOf(db.pool, accountId, 'processor_clearing')).toEqual({
            postedCents: 10_000,
            pendingCents: 0
        });
    });

    it('treats the same id and payload as already done, and refuses the same id with other amounts', async () => {
        const again = await withTransaction(db.pool, (tx) =>
            postTransfer(tx, purchase('purchase-1', 10_000))
        );
        expect(again.status).toBe('already_done');
        await expect(
            withTransaction(db.pool, (tx) => postTransfer(tx, purchase('purchase-1', 20_000)))
        ).rejects.toMatchObject({
            code: 'transfer_id_reused'
        });
        expect((await balanceOf(db.pool, accountId, 'minutes_prepaid')).postedCents).toBe(10_000);
    });

    it('refuses, in SQL too, a transfer whose entries do not sum to zero', async () => {
        await expect(
            withTransaction(db.pool, async (tx) => {
                await tx.query(
                    `INSERT INTO ledger_transfers (id, billing_account_id, kind, description, phase, payload_hash, created_at)
                     VALUES ('bad', $1, 'test', 'unbalanced', 'posted', 'x', now())`,
                    [accountId]
                );
                const account = await tx.query<{ id: string }>('SELECT id FROM ledger_accounts LIMIT 1');
                await tx.query(
                    `INSERT INTO ledger_entries (transfer_id, ledger_account_id, amount_cents) VALUES ('bad', $1, 5)`,
                    [account.rows[0]!.id]
                );
            })
        ).rejects.toThrow(/does not balance/);
        const rows = await db.pool.query(`SELECT 1 FROM ledger_transfers WHERE id = 'bad'`);
        expect(rows.rowCount).toBe(0);
    });

    it('never lets an entry be changed or deleted', async () => {
        await expect(
            db.pool.query('UPDATE ledger_entries SET amount_cents = amount_cents * 2')
        ).rejects.toThrow(/immutable/);
        await expect(db.pool.query('DELETE FROM ledger_transfers')).rejects.toThrow(/immutable/);
    });

    it('reserves with a pending transfer, posts part of it, and releases a voided one', async () => {
        const reserve = (id: string) => ({
            id,
            billingAccountId: accountId,
            kind: 'call_reservation',
            description: 'Call in progress',
            phase: 'pending' as const,
            entries: [
                { account: 'minutes_prepaid' as const, debitCents: 300 },
                { account: 'revenue_minutes' as const, creditCents: 300 }
            ],
            at: TEST_NOW
        });
        await withTransaction(db.pool, (tx) => postTransfer(tx, reserve('call-1')));
        await withTransaction(db.pool, (tx) => postTransfer(tx, reserve('call-2')));
        expect(await balanceOf(db.pool, accountId, 'minutes_prepaid')).toEqual({
            postedCents: 10_000,
            pendingCents: -600
        });

        await withTransaction(db.pool, (tx) =>
            postPendingTransfer(tx, {
                id: 'call-1-end',
                pendingId: 'call-1',
                amountCents: 120,
                description: 'Call',
                at: TEST_NOW
            })
        );
        await withTransaction(db.pool, (tx) =>
            voidPendingTransfer(tx, {
                id: 'call-2-end',
                pendingId: 'call-2',
                description: 'Dropped',
                at: TEST_NOW
            })
        );
        expect(await balanceOf(db.pool, accountId, 'minutes_prepaid')).toEqual({
            postedCents: 9_880,
            pendingCents: 0
        });
        expect((await balanceOf(db.pool, accountId, 'revenue_minutes')).postedCents).toBe(120);
        await expect(
            withTransaction(db.pool, (tx) =>
                voidPendingTransfer(tx, {
                    id: 'call-1-void',
                    pendingId: 'call-1',
                    description: 'late',
                    at: TEST_NOW
                })
            )
        ).rejects.toThrow();
    });

    it('keeps posting exactly once when the same transfer is retried in parallel', async () => {
        const outcomes = await Promise.all(
            Array.from({ length: 6 }, () =>
                withTransaction(db.pool, (tx) => postTransfer(tx, purchase('purchase-2', 500)))
            )
        );
        expect(outcomes.filter((outcome) => outcome.status === 'created')).toHaveLength(1);
        expect((await balanceOf(db.pool, accountId, 'minutes_prepaid')).postedCents).toBe(10_380);
    });

    it('finds what the SQL checks cannot: a transfer with no entries, or entries in another account', async () => {
        const bad = await createTestDatabase();
        try {
            const account = (await makeAccount(bad.pool)).accountId;
            const stranger = (await makeAccount(bad.pool)).accountId;
            await withTransaction(bad.pool, async (tx) => {
                await postTransfer(tx, { ...purchase('ok', 100), billingAccountId: account });
                await tx.query(
                    `INSERT INTO ledger_transfers (id, billing_account_id, kind, description, phase, payload_hash, created_at)
                     VALUES ('empty', $1, 'test', 'no entries', 'posted', 'x', now()),
                            ('crossed', $1, 'test', 'other account', 'posted', 'y', now())`,
                    [account]
                );
                const foreign = await postTransfer(tx, {
                    ...purchase('theirs', 100),
                    billingAccountId: stranger
                });
                const legs = await tx.query<{ ledger_account_id: string; amount_cents: number }>(
                    'SELECT ledger_account_id, amount_cents FROM ledger_entries WHERE transfer_id = $1',
                    [foreign.id]
                );
                for (const leg of legs.rows) {
                    await tx.query(
                        `INSERT INTO ledger_entries (transfer_id, ledger_account_id, amount_cents) VALUES ('crossed', $1, $2)`,
                        [leg.ledger_account_id, leg.amount_cents]
                    );
                }
            });
            const problems = await verifyLedger(bad.pool);
            expect(problems.map((problem) => [problem.kind, problem.transferId]).sort()).toEqual([
                ['cross_account_entry', 'crossed'],
                ['too_few_entries', 'empty']
            ]);
        } finally {
            await bad.cleanup();
        }
    });
});
