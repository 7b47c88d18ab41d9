import { withTransaction } from '../db/withTransaction';
import { verifyLedger } from '../ledger/verifyLedger';
import { createLocalProcessor } from '../payments/localProcessor';
import { AUTHORIZATION, as } from '../testing/buildTestApp';
import { makeAccount, TEST_NOW, type TestAccount } from '../testing/factories';
import { fixedClock } from '../kernel/clock';
import { seedMoney } from '../seed/seedMoney';
import { recordUsage } from './recordUsage';
import { useTestApp } from '../testing/testDatabase';

interface MinutesAnswer {
    balanceCents: number;
    minutes: number;
    recharge: {
        enabled: boolean;
        usageCents: number;
        dailyAverageCents: number;
        rechargeAmountCents: number;
        thresholdCents: number;
    };
}

describe('R5 dialer minutes over HTTP', () => {
    const t = useTestApp((pool) => ({ processor: createLocalProcessor(pool) }));
    let key = 0;

    const caller = (account: TestAccount) => ({ orgId: account.orgId, userId: account.admin.id });
    const url = (account: TestAccount, path: string) =>
        `/api/v1/accounts/${account.accountId}/minutes${path}`;
    const get = async <T>(account: TestAccount, path: string): Promise<T> =>
        (await t.app.inject({ url: url(account, path), headers: as(caller(account)) })).json<T>();
    function change(account: TestAccount, method: 'POST' | 'PUT', path: string, payload: object) {
        key++;
        return t.app.inject({
            method,
            url: url(account, path),
            headers: as(caller(account), `minutes-${key}`),
            payload
        });
    }

    async function seededAccount(): Promise<TestAccount> {
        const account = await makeAccount(t.db.pool);
        await seedMoney(t.db.pool, account.accountId, fixedClock(TEST_NOW));
        return account;
    }

    it('R5.3 previews recharge from 30 days of usage: ~$31 a week → ~$62 recharge, ~$31 threshold', async () => {
        const account = await seededAccount();
        const preview = await get<MinutesAnswer['recharge']>(account, '/recharge');
        // 20 calls × 11 billed minutes × 2¢ + 3 texts × 1¢ = 443¢ a day, on each of the 30 days before today.
        expect(preview).toMatchObject({
            enabled: false,
            usageCents: 13_290,
            dailyAverageCents: 443,
            rechargeAmountCents: 6202,
            thresholdCents: 3101
        });
        const minutes = await get<MinutesAnswer>(account, '');
        // $200 bought, $132.90 used.
        expect(minutes).toMatchObject({ balanceCents: 6710, minutes: 3355 });
        expect(await verifyLedger(t.db.pool)).toEqual([]);
    });

    it('R5.2 a purchase of $100 shows in the balance at once; below $100 is refused and changes nothing', async () => {
        const account = await seededAccount();
        const tooSmall = await change(account, 'POST', '/purchases', {
            authorization: AUTHORIZATION,
            amountCents: 9999
        });
        expect(tooSmall.statusCode).toBe(422);
        expect(tooSmall.json()).toMatchObject({ code: 'minimum_purchase' });
        const bought = await change(account, 'POST', '/purchases', {
            authorization: AUTHORIZATION,
            amountCents: 10_000
        });
        expect(bought.statusCode).toBe(201);
        expect(bought.json()).toMatchObject({
            totalCents: 10_000,
            balanceCents: 16_710,
            minutes: 8355,
            transactionNumber: expect.stringMatching(/^TRX-/) as string
        });
        expect(await get<MinutesAnswer>(account, '')).toMatchObject({ balanceCents: 16_710 });
        expect(await verifyLedger(t.db.pool)).toEqual([]);
    });

    it('R5.2 two purchases sent at once with one Idempotency-Key: one charge, one transaction, the same answer', async () => {
        const account = await seededAccount();
        const send = () =>
            t.app.inject({
                method: 'POST',
                url: url(account, '/purchases'),
                headers: as(caller(account), `same-purchase-${account.accountId}`),
                payload: { authorization: AUTHORIZATION, amountCents: 12_345 }
            });
        const answers = await Promise.all([send(), send()]);
        expect(answers.every((answer) => [201, 409].includes(answer.statusCode))).toBe(true);
        const answered = answers.filter((answer) => answer.statusCode === 201);
        expect(answered.length).toBeGreaterThanOrEqual(1);
        for (const answer of answered) expect(answer.json()).toEqual(answered[0]!.json());
        // A duplicate still in flight is told to retry (409); retried, it gets the first answer.
        const retry = await send();
        expect([retry.statusCode, retry.json()]).toEqual([201, answered[0]!.json()]);
        const charged = await t.db.pool.query(
            "SELECT 1 FROM sales_transactions WHERE billing_account_id = $1 AND kind = 'minutes' AND total_cents = 12345",
            [account.accountId]
        );
        expect(charged.rowCount).toBe(1);
        expect(await get<MinutesAnswer>(account, '')).toMatchObject({ balanceCents: 6710 + 12_345 });
    });

    it('R5.2 a declined card answers 402 and leaves the balance as it was', async () => {
        const account = await makeAccount(t.db.pool);
        key++;
        await t.app.inject({
            method: 'POST',
            url: `/api/v1/accounts/${account.accountId}/funding-sources`,
            headers: as(caller(account), `minutes-${key}`),
            payload: {
                authorization: AUTHORIZATION,
                source: {
                    kind: 'card',
                    number: '4000000000000002',
                    expMonth: 12,
                    expYear: 2030,
                    cvc: '123',
                    holderFirstName: 'A',
                    holderLastName: 'B'
                }
            }
        });
        const declined = await change(account, 'POST', '/purchases', {
            authorization: AUTHORIZATION,
            amountCents: 10_000
        });
        expect(declined.statusCode).toBe(402);
        expect(declined.json()).toMatchObject({
            code: 'payment_declined',
            message: expect.stringContaining('declined') as string
        });
        expect(await get<MinutesAnswer>(account, '')).toMatchObject({ balanceCents: 0, minutes: 0 });
    });

    it('R5.3 turning recharge on is audited and shown', async () => {
        const account = await seededAccount();
        const on = await change(account, 'PUT', '/recharge', { authorization: AUTHORIZATION, enabled: true });
        expect(on.statusCode).toBe(200);
        expect(on.json()).toMatchObject({ enabled: true, rechargeAmountCents: 6202 });
        expect(await get<MinutesAnswer>(account, '')).toMatchObject({ recharge: { enabled: true } });
        const audit = await t.db.pool.query(
            "SELECT 1 FROM audit_log WHERE billing_account_id = $1 AND action = 'minutes.recharge'",
            [account.accountId]
        );
        expect(audit.rowCount).toBe(1);
    });

    it('R5.1 usage by day in dollars, and a metered batch sent twice counts once (R5.5)', async () => {
        const account = await seededAccount();
        const usage = await get<{
            days: { date: string; callSeconds: number; smsCount: number; amountCents: number }[];
        }>(account, '/usage?days=30');
        expect(usage.days).toHaveLength(30);
        expect(usage.days[0]).toEqual({
            date: '2026-10-24',
            callSeconds: 20 * 642,
            smsCount: 3,
            amountCents: 443
        });
        expect(usage.days.at(-1)).toEqual({
            date: '2026-11-22',
            callSeconds: 0,
            smsCount: 0,
            amountCents: 0
        });
        const batch = {
            accountId: account.accountId,
            smsRateCents: 1,
            batchId: 'meter-1',
            events: [{ kind: 'call' as const, seconds: 60, occurredAt: TEST_NOW }],
            now: TEST_NOW
        };
        await withTransaction(t.db.pool, (tx) => recordUsage(tx, batch));
        await withTransaction(t.db.pool, (tx) => recordUsage(tx, batch));
        expect(await get<MinutesAnswer>(account, '')).toMatchObject({ balanceCents: 6708 });
        const today = await get<{ days: { amountCents: number }[] }>(account, '/usage?days=1');
        expect(today.days).toEqual([{ date: '2026-11-22', callSeconds: 60, smsCount: 0, amountCents: 2 }]);
        expect(
            (await t.app.inject({ url: url(account, '/usage?days=0'), headers: as(caller(account)) }))
                .statusCode
        ).toBe(400);
    });
});
