import { makeAccount, type TestAccount } from '../testing/factories';
import { useSeededMoneyApp } from '../testing/seededMoneyApp';

interface ListAnswer {
    from: string;
    to: string;
    transactions: {
        number: string;
        at: string;
        kind: string;
        status: string;
        totalCents: number;
        fundingSource: { brand: string; last4: string } | null;
    }[];
    totals: Record<string, number>;
}

describe('R8 transactions over HTTP', () => {
    const money = useSeededMoneyApp();
    const get = (path: string, who?: TestAccount) => money.listTransactions(path, who);

    it('R8.2 lists the default 90 days newest first, with totals per kind (a cycle splits into licenses and storage)', async () => {
        const response = await get('');
        expect(response.statusCode).toBe(200);
        const list = response.json<ListAnswer>();
        expect(list).toMatchObject({ from: '2026-08-25', to: '2026-11-22' });
        expect(list.transactions.map((t) => [t.kind, t.totalCents, t.status])).toEqual([
            ['licenses', 8233, 'succeeded'],
            ['cycle', 232_000, 'succeeded'],
            ['services', 50_000, 'succeeded'],
            ['minutes', 20_000, 'succeeded']
        ]);
        expect(list.transactions[0]).toMatchObject({
            number: expect.stringMatching(/^TRX-\d{6}$/) as string,
            fundingSource: { brand: 'visa', last4: '4242' }
        });
        expect(list.totals).toEqual({
            licenses: 8233 + 229_000,
            minutes: 20_000,
            services: 50_000,
            storage: 3000,
            credits: 0
        });
    });

    it('R8.2 filters by date range (account time zone, both days included) and by kind', async () => {
        const recent = (await get('?from=2026-11-01&to=2026-11-22')).json<ListAnswer>();
        expect(recent.transactions.map((t) => t.kind)).toEqual(['licenses', 'cycle']);
        const storage = (await get('?kind=storage')).json<ListAnswer>();
        expect(storage.transactions.map((t) => t.kind)).toEqual(['cycle']);
        expect(storage.totals).toMatchObject({ storage: 3000 });
        const none = (await get('?from=2026-01-01&to=2026-01-31')).json<ListAnswer>();
        expect(none.transactions).toEqual([]);
        expect(none.totals).toEqual({ licenses: 0, minutes: 0, services: 0, storage: 0, credits: 0 });
    });

    it('answers bad ranges and kinds with 400 and a reason', async () => {
        for (const query of [
            '?from=2026-11-22&to=2026-11-01',
            '?from=2026-02-30',
            '?kind=cycle',
            '?from=2020-01-01&to=2026-01-01'
        ]) {
            const response = await get(query);
            expect(response.statusCode).toBe(400);
            expect(response.json()).toMatchObject({
                code: 'invalid_request',
                message: expect.any(String) as string
            });
        }
    });

    it('R8.1 opens a transaction with its lines; another company gets 404', async () => {
        const list = (await get('')).json<ListAnswer>();
        const cycle = list.transactions.find((t) => t.kind === 'cycle')!;
        const detail = await get(`/${cycle.number}`);
        expect(detail.statusCode).toBe(200);
        expect(detail.json()).toMatchObject({
            number: cycle.number,
            account: { id: money.account.accountId, timeZone: 'America/New_York' },
            totalCents: 232_000,
            lines: [
                {
                    productCode: 'CRM',
                    quantity: 20,
                    unitPriceCents: 6500,
                    amountCents: 130_000,
                    kind: 'licenses',
                    prorationDays: null
                },
                { productCode: 'DIALER', quantity: 10, amountCents: 99_000, kind: 'licenses' },
                { productCode: 'STORAGE', amountCents: 3000, kind: 'storage' }
            ]
        });
        const stranger = await makeAccount(money.db.pool);
        expect((await get(`/${cycle.number}`, stranger)).statusCode).toBe(404);
        expect((await get('/TRX-999999')).statusCode).toBe(404);
        expect((await get('/not-a-number')).statusCode).toBe(400);
    });
});
