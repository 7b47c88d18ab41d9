import { createLocalProcessor } from '../payments/localProcessor';
import { AUTHORIZATION, as } from '../testing/buildTestApp';
import { makeAccount, type TestAccount } from '../testing/factories';
import type { FundingSourceView } from './fundingSourcesView';
import { testCard } from './testing';
import { useTestApp } from '../testing/testDatabase';

describe('R7 funding sources over HTTP', () => {
    const t = useTestApp((pool) => ({ processor: createLocalProcessor(pool) }));
    let key = 0;

    const caller = (account: TestAccount) => ({ orgId: account.orgId, userId: account.admin.id });
    const base = (account: TestAccount) => `/api/v1/accounts/${account.accountId}`;

    function post(account: TestAccount, path: string, payload: object, method: 'POST' | 'PUT' = 'POST') {
        key++;
        return t.app.inject({
            method,
            url: `${base(account)}${path}`,
            headers: as(caller(account), `key-${key}`),
            payload
        });
    }

    async function addCard(account: TestAccount, overrides: Parameters<typeof testCard>[0] = {}) {
        const { kind, number, expMonth, expYear, cvc, holderFirstName, holderLastName } = testCard(overrides);
        return post(account, '/funding-sources', {
            authorization: AUTHORIZATION,
            source: { kind, number, expMonth, expYear, cvc, holderFirstName, holderLastName }
        });
    }

    async function list(account: TestAccount): Promise<FundingSourceView[]> {
        const response = await t.app.inject({
            url: `${base(account)}/funding-sources`,
            headers: as(caller(account))
        });
        return response.json<{ fundingSources: FundingSourceView[] }>().fundingSources;
    }

    it('R7.1 R7.2 adds a card and a bank account: token kept, only brand, last4 and expiry shown; audited', async () => {
        const account = await makeAccount(t.db.pool);
        const card = await addCard(account);
        expect(card.statusCode).toBe(201);
        expect(card.json()).toMatchObject({
            kind: 'card',
            brand: 'visa',
            last4: '4242',
            expMonth: 12,
            expYear: 2030,
            role: 'primary',
            expired: false
        });
        const bank = await post(account, '/funding-sources', {
            authorization: AUTHORIZATION,
            source: {
                kind: 'bank_account',
                routingNumber: '110000000',
                accountNumber: '000123456789',
                accountType: 'checking',
                holderFirstName: 'Grace',
                holderLastName: 'Hopper'
            }
        });
        expect(bank.statusCode).toBe(201);
        expect(bank.json()).toMatchObject({
            kind: 'bank_account',
            last4: '6789',
            role: 'secondary',
            holderFirstName: 'Grace'
        });
        const sources = await list(account);
        expect(sources.map((source) => [source.last4, source.role, source.usedForMinuteRecharges])).toEqual([
            ['4242', 'primary', true],
            ['6789', 'secondary', false]
        ]);
        const audit = await t.db.pool.query<{ action: string; first_name: string }>(
            'SELECT action, first_name FROM audit_log WHERE billing_account_id = $1 ORDER BY id',
            [account.accountId]
        );
        expect(audit.rows).toEqual([
            { action: 'funding_source.add', first_name: 'Ada' },
            { action: 'funding_source.add', first_name: 'Ada' }
        ]);
    });

    it('refuses bad numbers with a precise code and changes nothing', async () => {
        const account = await makeAccount(t.db.pool);
        const cases: [Parameters<typeof testCard>[0], string][] = [
            [{ number: '4242424242424241' }, 'card_number_invalid'],
            [{ expMonth: 1, expYear: 2026 }, 'card_expired'],
            // The year the issue saw stored and shown as 08/20202030: refused before the processor.
            [{ expMonth: 8, expYear: 20202030 }, 'card_expiry_invalid'],
            [{ expMonth: 13, expYear: 2030 }, 'card_expiry_invalid'],
            [{ holderLastName: ' ' }, 'holder_name_required']
        ];
        for (const [overrides, code] of cases) {
            const response = await addCard(account, overrides);
            expect(response.statusCode).toBe(400);
            expect(response.json()).toMatchObject({ code, message: expect.any(String) as string });
        }
        const bank = await post(account, '/funding-sources', {
            authorization: AUTHORIZATION,
            source: {
                kind: 'bank_account',
                routingNumber: '110000001',
                accountNumber: '000123456789',
                accountType: 'checking',
                holderFirstName: 'A',
                holderLastName: 'B'
            }
        });
        expect(bank.json()).toMatchObject({ code: 'routing_number_invalid' });
        const unauthorised = await post(account, '/funding-sources', { source: testCard() });
        expect(unauthorised.statusCode).toBe(400);
        expect(await list(account)).toEqual([]);
    });

    it('R7.4 make-primary swaps primary and secondary at once', async () => {
        const account = await makeAccount(t.db.pool);
        await addCard(account);
        const second = (await addCard(account, { number: '5555555555554444' })).json<FundingSourceView>();
        const response = await post(account, `/funding-sources/${second.id}/make-primary`, {
            authorization: AUTHORIZATION
        });
        expect(response.statusCode).toBe(200);
        expect(
            response
                .json<{ fundingSources: FundingSourceView[] }>()
                .fundingSources.map((s) => [s.last4, s.role])
        ).toEqual([
            ['4444', 'primary'],
            ['4242', 'secondary']
        ]);
    });

    it('R7.3 the last valid source cannot be removed; an expired card does not count', async () => {
        const account = await makeAccount(t.db.pool);
        const only = (await addCard(account)).json<FundingSourceView>();
        // An expired card on file (entered long ago): inserted directly, as the API refuses expired cards.
        await t.db.pool.query(
            `INSERT INTO funding_sources (billing_account_id, kind, processor, token, brand, last4, exp_month, exp_year,
                 holder_first_name, holder_last_name, role, created_at)
             VALUES ($1, 'card', 'local', 'tok_old', 'visa', '1111', 1, 2025, 'Old', 'Card', 'secondary', now())`,
            [account.accountId]
        );
        const refused = await post(account, `/funding-sources/${only.id}/remove`, {
            authorization: AUTHORIZATION
        });
        expect(refused.statusCode).toBe(409);
        expect(refused.json()).toMatchObject({ code: 'last_valid_source' });
        const sources = await list(account);
        expect(sources.map((s) => [s.last4, s.expired])).toEqual([
            ['4242', false],
            ['1111', true]
        ]);
        const expired = sources[1]!;
        const removedExpired = await post(account, `/funding-sources/${expired.id}/remove`, {
            authorization: AUTHORIZATION
        });
        expect(removedExpired.statusCode).toBe(200);
    });

    it('R7.3 two admins removing the two valid sources at once: one succeeds, one is refused', async () => {
        const account = await makeAccount(t.db.pool);
        const first = (await addCard(account)).json<FundingSourceView>();
        const second = (await addCard(account, { number: '5555555555554444' })).json<FundingSourceView>();
        const answers = await Promise.all([
            post(account, `/funding-sources/${first.id}/remove`, { authorization: AUTHORIZATION }),
            post(account, `/funding-sources/${second.id}/remove`, { authorization: AUTHORIZATION })
        ]);
        expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
        const left = await list(account);
        expect(left).toHaveLength(1);
        expect(left[0]).toMatchObject({ role: 'primary', expired: false });
    });

    it('R7.4 chooses the source that pays for minutes; another company cannot see or change any of it', async () => {
        const account = await makeAccount(t.db.pool);
        await addCard(account);
        const second = (await addCard(account, { number: '5555555555554444' })).json<FundingSourceView>();
        const chosen = await post(
            account,
            '/recharge-source',
            { authorization: AUTHORIZATION, fundingSourceId: second.id },
            'PUT'
        );
        expect(chosen.statusCode).toBe(200);
        expect((await list(account)).map((s) => s.usedForMinuteRecharges)).toEqual([false, true]);

        const stranger = await makeAccount(t.db.pool);
        const peek = await t.app.inject({
            url: `${base(account)}/funding-sources`,
            headers: as(caller(stranger))
        });
        expect(peek.statusCode).toBe(404);
        key++;
        const remove = await t.app.inject({
            method: 'POST',
            url: `${base(account)}/funding-sources/${second.id}/remove`,
            headers: as(caller(stranger), `key-${key}`),
            payload: { authorization: AUTHORIZATION }
        });
        expect(remove.statusCode).toBe(404);
        // Someone else's source id on my own account is not found either.
        const foreign = await post(stranger, `/funding-sources/${second.id}/make-primary`, {
            authorization: AUTHORIZATION
        });
        expect(foreign.statusCode).toBe(404);
        expect(await list(account)).toHaveLength(2);
    });
});
