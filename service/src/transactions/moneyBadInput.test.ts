import { fixedClock } from '../kernel/clock';
import { createLocalProcessor } from '../payments/localProcessor';
import { as, AUTHORIZATION } from '../testing/buildTestApp';
import { makeAccount, TEST_NOW, type TestAccount } from '../testing/factories';
import { snapshotDatabase } from '../testing/snapshotDatabase';
import { useTestApp } from '../testing/testDatabase';
import { seedMoney } from '../seed/seedMoney';
import { testCard } from '../funding/testing';

describe('R7 R5 R8 bad input on the money endpoints: 4xx with a code, never a 5xx, nothing changed', () => {
    const t = useTestApp((pool) => ({ processor: createLocalProcessor(pool) }));
    let acme: TestAccount;
    beforeAll(async () => {
        acme = await makeAccount(t.db.pool);
        await seedMoney(t.db.pool, acme.accountId, fixedClock(TEST_NOW));
    });
    const headers = () => as({ orgId: acme.orgId, userId: acme.admin.id });
    const account = () => `/api/v1/accounts/${acme.accountId}`;

    it.each([
        [
            'a card number as a number',
            '/funding-sources',
            { source: { ...testCard(), number: 4242424242424242 } },
            400,
            'invalid_request'
        ],
        [
            'an unknown source kind',
            '/funding-sources',
            { source: { kind: 'paypal' } },
            400,
            'invalid_request'
        ],
        [
            'a 40-digit card number',
            '/funding-sources',
            { source: { ...testCard(), number: '4'.repeat(40) } },
            400,
            'invalid_request'
        ],
        ['a fractional purchase', '/minutes/purchases', { amountCents: 10000.5 }, 400, 'invalid_request'],
        [
            'a purchase in dollars as text',
            '/minutes/purchases',
            { amountCents: '$100' },
            400,
            'invalid_request'
        ],
        ['a purchase below $100', '/minutes/purchases', { amountCents: 5000 }, 422, 'minimum_purchase'],
        ['a negative purchase', '/minutes/purchases', { amountCents: -10000 }, 422, 'minimum_purchase'],
        [
            'a source id that is not a uuid',
            '/recharge-source',
            { fundingSourceId: 'primary' },
            400,
            'invalid_request'
        ],
        [
            'a source id of nobody',
            '/recharge-source',
            { fundingSourceId: '00000000-0000-4000-8000-000000000000' },
            404,
            'not_found'
        ]
    ])('answers %s with 4xx and a code', async (_name, path, body, status, code) => {
        const before = await snapshotDatabase(t.db.pool);
        const response = await t.app.inject({
            method: path === '/recharge-source' ? 'PUT' : 'POST',
            url: `${account()}${path}`,
            headers: { ...headers(), 'idempotency-key': `bad-${path}-${status}` },
            payload: { authorization: AUTHORIZATION, ...body }
        });
        expect(response.statusCode).toBe(status);
        expect(response.json()).toMatchObject({ code, message: expect.any(String) as unknown });
        expect(await snapshotDatabase(t.db.pool)).toEqual(before);
    });
});
