import { useSeededMoneyApp } from '../testing/seededMoneyApp';
import { OTHER_SERVICES_PRODUCT_CODE } from './purchaseKinds';

interface Page {
    transactions: { number: string; at: string; kind: string }[];
    totals: Record<string, number>;
    nextCursor: string | null;
}

describe('R8.2 transactions a page at a time (keyset on date and number), totals of the whole range', () => {
    const money = useSeededMoneyApp();
    beforeAll(async () => {
        // Two at the very same instant: the page boundary must split ties by number.
        await money.db.pool.query(
            `UPDATE sales_transactions SET created_at = (SELECT max(created_at) FROM sales_transactions WHERE billing_account_id = $1)
             WHERE billing_account_id = $1 AND kind IN ('services', 'minutes')`,
            [money.account.accountId]
        );
    });
    const get = (query: string) => money.listTransactions(`?${query}`);

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

    it('filters as reportedKindOf reports: a service on a cycle bill is a service, refunds and credits are credits', async () => {
        /** A paid transaction of `kind` on `at` with lines of [product code, cents]. */
        const insert = (kind: string, at: string, lines: [string, number][]) =>
            money.db.pool.query(
                `WITH made AS (
                     INSERT INTO sales_transactions (billing_account_id, kind, status, total_cents, idempotency_key, created_at)
                     SELECT $1, $2, 'succeeded', sum(cents), 'page-test-' || $2, $3
                     FROM unnest($5::bigint[]) AS cents RETURNING id)
                 INSERT INTO sales_transaction_lines (transaction_id, line_number, product_code, description, quantity,
                     unit_price_cents, amount_cents)
                 SELECT id, n, code, code, 1, cents, cents FROM made, unnest($4::text[], $5::bigint[])
                     WITH ORDINALITY AS line (code, cents, n)`,
                [
                    money.account.accountId,
                    kind,
                    at,
                    lines.map(([code]) => code),
                    lines.map(([, cents]) => cents)
                ]
            );
        // A cycle bill that also carries a representative's service line (issue 14), and a credit.
        await insert('cycle', '2026-10-01T12:00:00Z', [
            ['CRM', 6500],
            [OTHER_SERVICES_PRODUCT_CODE, 500]
        ]);
        await insert('credit', '2026-10-02T12:00:00Z', [['CREDIT', 1200]]);
        const range = 'from=2026-09-01&to=2026-11-22';
        const kinds = async (kind: string) => {
            const page = (await get(`${range}&kind=${kind}`)).json<Page>();
            return { kinds: page.transactions.map((item) => item.kind), totals: page.totals };
        };
        const services = await kinds('services');
        expect(services.kinds).toEqual(['services', 'cycle']);
        // Totals of what the filter shows: every line of those transactions, by the kind of each line.
        expect(services.totals).toMatchObject({ services: 50_000 + 500, licenses: 6500 });
        const credits = await kinds('credits');
        expect(credits.kinds).toEqual(['credit']);
        expect(credits.totals).toEqual({ licenses: 0, minutes: 0, services: 0, storage: 0, credits: 1200 });
        expect((await kinds('storage')).kinds).toEqual(['cycle']);
        expect((await kinds('minutes')).kinds).toEqual(['minutes']);
        const licenses = await kinds('licenses');
        expect(licenses.kinds).toEqual(['licenses', 'cycle', 'cycle']);
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
