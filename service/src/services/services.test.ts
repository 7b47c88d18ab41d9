import { addTestCard } from '../funding/testing';
import { balanceOf } from '../ledger/balanceOf';
import { verifyLedger } from '../ledger/verifyLedger';
import { createLocalProcessor } from '../payments/localProcessor';
import { as, AUTHORIZATION } from '../testing/buildTestApp';
import { useTestApp } from '../testing/testDatabase';
import { makeAccount, TEST_NOW, type TestAccount } from '../testing/factories';

describe('R7.5 implementation services', () => {
    const t = useTestApp((pool) => ({ processor: createLocalProcessor(pool) }));
    let acme: TestAccount;

    beforeAll(async () => {
        acme = await makeAccount(t.db.pool);
        await addTestCard(t.db.pool, createLocalProcessor(t.db.pool), acme.accountId, TEST_NOW);
    });
    afterEach(async () => {
        expect(await verifyLedger(t.db.pool)).toEqual([]);
    });

    const url = () => `/api/v1/accounts/${acme.accountId}/services`;
    const headers = (key?: string) => as({ orgId: acme.orgId, userId: acme.admin.id }, key);

    it('lists the catalog, marking what only a service representative adds', async () => {
        const response = await t.app.inject({ url: url(), headers: headers() });
        const body = response.json<{ services: { code: string; purchasableInPanel: boolean }[] }>();
        expect(
            body.services.filter((service) => service.purchasableInPanel).map((service) => service.code)
        ).toEqual(['IMPLEMENTATION_QUICK_START', 'IMPLEMENTATION_STANDARD', 'IMPLEMENTATION_ENTERPRISE']);
    });

    it('buys an implementation service, charged at once as a sale of services', async () => {
        const response = await t.app.inject({
            method: 'POST',
            url: `${url()}/purchases`,
            headers: headers('svc-1'),
            payload: { service: 'IMPLEMENTATION_QUICK_START', authorization: AUTHORIZATION }
        });
        expect(response.statusCode).toBe(201);
        expect(response.json()).toMatchObject({
            purchase: { service: 'IMPLEMENTATION_QUICK_START', amountCents: 50_000 },
            transaction: { totalCents: 50_000 }
        });
        expect((await balanceOf(t.db.pool, acme.accountId, 'revenue_services')).postedCents).toBe(50_000);
        const listing = await t.app.inject({ url: url(), headers: headers() });
        expect(listing.json<{ purchases: object[] }>().purchases).toHaveLength(1);
    });

    it('refuses training in the panel: a service representative adds it', async () => {
        const response = await t.app.inject({
            method: 'POST',
            url: `${url()}/purchases`,
            headers: headers('svc-2'),
            payload: { service: 'TRAINING', authorization: AUTHORIZATION }
        });
        expect(response.statusCode).toBe(403);
        expect(response.json()).toMatchObject({ code: 'service_rep_only' });
    });
});
