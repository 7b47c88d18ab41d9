import type { FastifyInstance } from 'fastify';
import { createPool, type Pool } from '../db/pool';
import { addTestCard } from '../funding/testing';
import { localDirectory } from '../identity/directoryUserRepository';
import { verifyLedger } from '../ledger/verifyLedger';
import { minutesBalance } from '../minutes/minutesBalance';
import { createLocalProcessor } from '../payments/localProcessor';
import { AUTHORIZATION, as, buildTestApp } from '../testing/buildTestApp';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase';
import { makeAccount, makeUser, TEST_NOW, type TestAccount } from '../testing/factories';

jest.setTimeout(180_000);

interface Answer {
    status: number;
    body: Record<string, unknown>;
}

interface Change {
    method: 'POST' | 'PUT';
    url: string;
    payload: Record<string, unknown>;
    key: string;
}

let keys = 0;
const nextKey = () => `load-${++keys}`;

/**
 * A client as a panel is: sends the change with its key; on 503 waits Retry-After and sends the same
 * key again (a few times). Returns the last answer.
 */
async function send(app: FastifyInstance, caller: TestAccount['admin'] & { orgId: string }, change: Change) {
    let answer: Answer = { status: 0, body: {} };
    for (let attempt = 0; attempt < 20; attempt++) {
        const response = await app.inject({
            method: change.method,
            url: change.url,
            headers: as({ orgId: caller.orgId, userId: caller.id }, change.key),
            payload: { ...change.payload, authorization: AUTHORIZATION }
        });
        answer = { status: response.statusCode, body: response.json<Record<string, unknown>>() };
        if (answer.status !== 503) return answer;
        expect(response.headers['retry-after']).toBe('1');
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
    return answer;
}

/** What the quantity preview shows for `quantities` now (zeros when it refuses): the quote a panel sends back. */
async function quoteFor(
    app: FastifyInstance,
    caller: TestAccount['admin'] & { orgId: string },
    url: string,
    quantities: Record<string, number>
): Promise<{ chargeNow: number; monthlyRecurringTotal: number }> {
    for (;;) {
        const preview = await app.inject({
            method: 'POST',
            url: `${url}/preview`,
            headers: as({ orgId: caller.orgId, userId: caller.id }),
            payload: { quantities }
        });
        if (preview.statusCode === 503) {
            await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
            continue;
        }
        const plan = preview.json<{ plan: { chargeNow: number; monthlyRecurringTotal: number } | null }>()
            .plan;
        return { chargeNow: plan?.chargeNow ?? 0, monthlyRecurringTotal: plan?.monthlyRecurringTotal ?? 0 };
    }
}

/**
 * A quantity change as the panel makes it: preview, then apply at the amounts it showed. A racing
 * change can make that quote stale (409 quote_changed, nothing charged): the client previews again
 * and applies the new figures under a new key, a few times; the last answer may still be quote_changed.
 */
async function changeQuantities(
    app: FastifyInstance,
    caller: TestAccount['admin'] & { orgId: string },
    url: string,
    quantities: Record<string, number>
): Promise<Answer> {
    let answer: Answer = { status: 0, body: {} };
    for (let attempt = 0; attempt < 5; attempt++) {
        const quote = await quoteFor(app, caller, url, quantities);
        answer = await send(app, caller, {
            method: 'POST',
            url,
            payload: { quantities, quote },
            key: nextKey()
        });
        if (answer.body.code !== 'quote_changed') return answer;
    }
    return answer;
}

/** The app on its own pool (`max` connections) with the local processor and the pool's directory. */
async function appOn(
    db: TestDatabase,
    max: number,
    acquireTimeoutMs?: number
): Promise<{ app: FastifyInstance; pool: Pool }> {
    const pool = createPool({
        connectionString: db.databaseUrl,
        schema: db.schema,
        max,
        ...(acquireTimeoutMs === undefined ? {} : { acquireTimeoutMs })
    });
    const app = await buildTestApp(pool, {
        processor: createLocalProcessor(pool),
        directory: localDirectory(pool)
    });
    return { app, pool };
}

describe('issue 9: the service holds under load', () => {
    let db: TestDatabase;
    beforeAll(async () => {
        db = await createTestDatabase();
    });
    afterAll(async () => {
        await db.cleanup();
    });

    it('R2.2 the deadlock reproduction: 12 parallel assignments on one account, pool of 10, all answered', async () => {
        const { app, pool } = await appOn(db, 10);
        try {
            const account = await makeAccount(db.pool, {
                users: 13,
                licenses: { CRM: { quantity: 13, assignedTo: 13 }, DIALER_TAB: { quantity: 12 } }
            });
            const caller = { ...account.admin, orgId: account.orgId };
            const answers = await Promise.all(
                account.users.slice(1).map((user) =>
                    send(app, caller, {
                        method: 'POST',
                        url: `/api/v1/accounts/${account.accountId}/assignments`,
                        payload: { changes: [{ userId: user.id, license: 'DIALER_TAB', assigned: true }] },
                        key: nextKey()
                    })
                )
            );
            expect(answers.map((answer) => answer.status)).toEqual(Array(12).fill(200));
            const held = await db.pool.query(
                "SELECT count(*)::int AS n FROM license_assignments WHERE billing_account_id = $1 AND license_code = 'DIALER_TAB'",
                [account.accountId]
            );
            expect(held.rows[0]).toEqual({ n: 12 });
            expect((await app.inject({ url: '/health/ready' })).statusCode).toBe(200);
        } finally {
            await app.close();
            await pool.end();
        }
    });

    it('50 parallel changes of every kind on one account: all answered, as if one after the other, ledger balanced', async () => {
        const { app, pool } = await appOn(db, 10);
        try {
            const account = await makeAccount(db.pool, {
                users: 11,
                licenses: {
                    CRM: { quantity: 11, assignedTo: 11 },
                    DIALER_TAB: { quantity: 11 },
                    FLEX_PORT: { quantity: 1 }
                }
            });
            const { accountId, orgId } = account;
            const secondAdmin = await makeUser(db.pool, orgId, { isAdmin: true });
            const processor = createLocalProcessor(db.pool);
            const cardA = await addTestCard(db.pool, processor, accountId, TEST_NOW);
            const cardB = await addTestCard(db.pool, processor, accountId, TEST_NOW, {
                number: '5555555555554444'
            });
            const balanceBefore = (await minutesBalance(db.pool, accountId)).balanceCents;
            const base = `/api/v1/accounts/${accountId}`;
            const caller = { ...account.admin, orgId };
            const changes: (() => Promise<Answer>)[] = [];
            const sent = (change: Change) => () => send(app, caller, change);
            for (let index = 0; index < 10; index++) {
                const user = account.users[index + 1]!;
                changes.push(
                    sent({
                        method: 'POST',
                        url: `${base}/assignments`,
                        payload: { changes: [{ userId: user.id, license: 'DIALER_TAB', assigned: true }] },
                        key: nextKey()
                    }),
                    () => changeQuantities(app, caller, `${base}/quantities`, { FLEX_PORT: 2 + index }),
                    sent({
                        method: 'POST',
                        url: `${base}/funding-sources/${index % 2 === 0 ? cardB.id : cardA.id}/make-primary`,
                        payload: {},
                        key: nextKey()
                    }),
                    sent({
                        method: 'PUT',
                        url: `${base}/billing-administrator`,
                        payload: { userId: index % 2 === 0 ? secondAdmin.id : account.admin.id },
                        key: nextKey()
                    }),
                    sent({
                        method: 'POST',
                        url: `${base}/minutes/purchases`,
                        payload: { amountCents: 10_000 },
                        key: nextKey()
                    })
                );
            }
            const answers = await Promise.all(changes.map((change) => change()));
            // Every change answered; the only refusals allowed are "nothing to change" (a quantity or
            // a primary already as asked, by the time its turn came) and "quote changed" (a quantity
            // whose figures a racing change made stale again after the client's re-previews; nothing
            // charged, no audit row).
            const refusals = answers
                .filter((answer) => answer.status >= 300)
                .map((answer) => answer.body.code);
            expect(
                refusals.filter((code) => code !== 'nothing_to_change' && code !== 'quote_changed')
            ).toEqual([]);

            // Assignments: all ten held.
            const held = await db.pool.query(
                "SELECT count(*)::int AS n FROM license_assignments WHERE billing_account_id = $1 AND license_code = 'DIALER_TAB'",
                [accountId]
            );
            expect(held.rows[0]).toEqual({ n: 10 });

            // Quantities: the audited changes form one chain (each starts where the one before ended),
            // the charges are exactly the licenses above what the month already paid for along it
            // (R3.5: adding back within the month is not charged twice), and it ends where it is saved.
            const chain = await db.pool.query<{
                before: Record<string, number>;
                after: Record<string, number>;
            }>(
                "SELECT before, after FROM audit_log WHERE billing_account_id = $1 AND action = 'licenses.quantities_changed' ORDER BY id",
                [accountId]
            );
            let quantity = 1;
            let paid = 1;
            let increases = 0;
            for (const link of chain.rows) {
                expect(link.before.FLEX_PORT).toBe(quantity);
                quantity = link.after.FLEX_PORT!;
                increases += Math.max(0, quantity - paid);
                paid = Math.max(paid, quantity);
            }
            const charged = await db.pool.query<{ quantity: number }>(
                `SELECT coalesce(sum(l.quantity), 0)::int AS quantity FROM sales_transaction_lines l
                 JOIN sales_transactions t ON t.id = l.transaction_id
                 WHERE t.billing_account_id = $1 AND t.status = 'succeeded' AND l.product_code = 'FLEX_PORT'`,
                [accountId]
            );
            expect(charged.rows[0]!.quantity).toBe(increases);
            const saved = await db.pool.query<{ quantity: number }>(
                "SELECT quantity FROM license_quantities WHERE billing_account_id = $1 AND license_code = 'FLEX_PORT'",
                [accountId]
            );
            expect(saved.rows[0]!.quantity).toBe(quantity);

            // Funding roles: one primary, one secondary. Administrator: the last one audited.
            const roles = await db.pool.query<{ role: string }>(
                'SELECT role FROM funding_sources WHERE billing_account_id = $1 ORDER BY role',
                [accountId]
            );
            expect(roles.rows.map((row) => row.role)).toEqual(['primary', 'secondary']);
            const lastAdmin = await db.pool.query<{ after: { userId: string } }>(
                "SELECT after FROM audit_log WHERE billing_account_id = $1 AND action = 'account.billing_administrator_changed' ORDER BY id DESC LIMIT 1",
                [accountId]
            );
            const administrator = await db.pool.query<{ id: string }>(
                'SELECT billing_administrator_user_id AS id FROM billing_accounts WHERE id = $1',
                [accountId]
            );
            expect(administrator.rows[0]!.id).toBe(lastAdmin.rows[0]!.after.userId);

            // Minutes: ten purchases of $100, each charged and credited once.
            expect((await minutesBalance(db.pool, accountId)).balanceCents).toBe(balanceBefore + 100_000);
            const minutes = await db.pool.query(
                "SELECT 1 FROM sales_transactions WHERE billing_account_id = $1 AND kind = 'minutes' AND status = 'succeeded'",
                [accountId]
            );
            expect(minutes.rowCount).toBe(10);
            const unsettled = await db.pool.query(
                "SELECT 1 FROM sales_transactions WHERE billing_account_id = $1 AND (status = 'pending' OR applied_at IS NULL AND status = 'succeeded')",
                [accountId]
            );
            expect(unsettled.rowCount).toBe(0);
            expect(await verifyLedger(db.pool)).toEqual([]);
        } finally {
            await app.close();
            await pool.end();
        }
    });

    it('a pool of 2 under 20 parallel requests never hangs: every request answered (503 allowed), nothing half-done', async () => {
        const { app, pool } = await appOn(db, 2, 500);
        try {
            const account = await makeAccount(db.pool, { users: 3 });
            const processor = createLocalProcessor(db.pool);
            await addTestCard(db.pool, processor, account.accountId, TEST_NOW);
            const headers = (key?: string) => as({ orgId: account.orgId, userId: account.admin.id }, key);
            const base = `/api/v1/accounts/${account.accountId}`;
            const started = Date.now();
            const purchaseKeys = Array.from({ length: 10 }, nextKey);
            const answers = await Promise.all(
                Array.from({ length: 20 }, (_, index) =>
                    index % 2 === 0
                        ? app.inject({ url: `${base}/minutes`, headers: headers() })
                        : app.inject({
                              method: 'POST',
                              url: `${base}/minutes/purchases`,
                              headers: headers(purchaseKeys[(index - 1) / 2]),
                              payload: { amountCents: 10_000, authorization: AUTHORIZATION }
                          })
                )
            );
            expect(Date.now() - started).toBeLessThan(60_000);
            const statuses = answers.map((answer) => answer.statusCode);
            for (const status of statuses) expect([200, 201, 503]).toContain(status);
            for (const answer of answers.filter((each) => each.statusCode === 503)) {
                expect(answer.json()).toMatchObject({ code: 'service_busy' });
                expect(answer.headers['retry-after']).toBe('1');
            }
            expect(await verifyLedger(db.pool)).toEqual([]);
            // A purchase answered 503 may have been paid before its change could commit: the same
            // key again completes it, once. Then ten purchases, ten charges, ten records.
            const caller = { ...account.admin, orgId: account.orgId };
            for (const key of purchaseKeys) {
                const again = await send(app, caller, {
                    method: 'POST',
                    url: `${base}/minutes/purchases`,
                    payload: { amountCents: 10_000 },
                    key
                });
                expect([200, 201]).toContain(again.status);
            }
            const recorded = await db.pool.query(
                "SELECT 1 FROM sales_transactions WHERE billing_account_id = $1 AND status = 'succeeded' AND applied_at IS NOT NULL",
                [account.accountId]
            );
            expect(recorded.rowCount).toBe(10);
            const charged = await db.pool.query(
                'SELECT 1 FROM local_processor_charge WHERE idempotency_key LIKE $1',
                [`${account.accountId}:%`]
            );
            expect(charged.rowCount).toBe(10);
            expect((await minutesBalance(db.pool, account.accountId)).balanceCents).toBeGreaterThanOrEqual(
                100_000
            );
            expect(await verifyLedger(db.pool)).toEqual([]);
        } finally {
            await app.close();
            await pool.end();
        }
    });
});
