import type { FastifyInstance } from 'fastify';
import { fixedClock } from '../kernel/clock';
import { createLocalProcessor } from '../payments/localProcessor';
import { seedMoney } from '../seed/seedMoney';
import { as, buildTestApp } from '../testing/buildTestApp';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase';
import { makeAccount, TEST_NOW, type TestAccount } from '../testing/factories';

interface Page {
    transactions: { number: string; at: string; kind: string }[];
    totals: Record<string, number>;
    nextCursor: string | null;
}

describe('R8.2 transactions a page at a time (keyset on date and number), totals of the whole range', () => {
    let db: TestDatabase;
    let app: FastifyInstance;
    let account: TestAccount;
    beforeAll(async () => {
        db = await createTestDatabase();
        app = await buildTestApp(db.pool, { processor: createLocalProcessor(db.pool) });
        account = await makeAccount(db.pool);
        await seedMoney(db.pool, account.accountId, fixedClock(TEST_NOW));
        // Two at the very same instant: the page boundary must split ties by number.
        await db.pool.query(
            `UPDATE sales_transactions SET created_at = (SELECT max(created_at) FROM sales_transactions WHERE billing_account_id = $1)
             WHERE billing_account_id = $1 AND kind IN ('services', 'minutes')`,
            [account.accountId]
        );
    });
    afterAll(async () => {
        await app.close();
        await db.cleanup();
    });

    const get = (query: string) =>
        app.inject({
            url: `/api/v1/accounts/${account.accountId}/transactions?${query}`,
            headers: as({ orgId: account.orgId, userId: account.admin.id })
        });

    async function walk(query: string, limit: number): Promise<Page[]> {
        const pages: Page[] = [];
        let cursor: string | null = null;
        do {
            const response = await get(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
            expect(response.statusCode).toBe(200);
            const page = response.json<Page>();
            expect(page.transactions.length).toBeLessThanOrEqual(limit);
            pages.push(page);
            cursor = page.nextCursor;
        } while (cursor !== null && pages.length < 50);
        return pages;
    }

    it('walks every transaction once, newest first, with the totals of the whole range on every page', async () => {
        const whole = (await get('from=2026-01-01&to=2026-11-22')).json<Page>();
        expect(whole.nextCursor).toBeNull();
        expect(whole.transactions.length).toBe(4);
        for (const limit of [1, 2, 5]) {
            const pages = await walk('from=2026-01-01&to=2026-11-22', limit);
            expect(pages.flatMap((page) => page.transactions)).toEqual(whole.transactions);
            for (const page of pages) expect(page.totals).toEqual(whole.totals);
        }
    });

    it('pages a kind filter the same way, totals of what the filter shows', async () => {
        const whole = (await get('from=2026-01-01&to=2026-11-22&kind=licenses')).json<Page>();
        expect(new Set(whole.transactions.map((item) => item.kind))).toEqual(new Set(['licenses', 'cycle']));
        const pages = await walk('from=2026-01-01&to=2026-11-22&kind=licenses', 1);
        expect(pages.flatMap((page) => page.transactions)).toEqual(whole.transactions);
        expect(pages[0]!.totals).toEqual(whole.totals);
    });

    it('refuses a cursor it did not give and a page size out of range, with 400', async () => {
        for (const query of ['cursor=abc', 'limit=0', 'limit=501', 'limit=2.5']) {
            const response = await get(query);
            expect([response.statusCode, response.json<{ code: string }>().code]).toEqual([
                400,
                'invalid_request'
            ]);
        }
    });
});
