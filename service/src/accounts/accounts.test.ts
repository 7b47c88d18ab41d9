import { addTestCard } from '../funding/testing';
import { verifyLedger } from '../ledger/verifyLedger';
import { createLocalProcessor } from '../payments/localProcessor';
import { as, AUTHORIZATION } from '../testing/buildTestApp';
import { useTestApp } from '../testing/testDatabase';
import { makeAccount, makeUser, TEST_NOW, type TestAccount } from '../testing/factories';
import { snapshotDatabase } from '../testing/snapshotDatabase';

describe('R1 R4.3 accounts over HTTP', () => {
    const t = useTestApp((pool) => ({ processor: createLocalProcessor(pool) }));
    let acme: TestAccount;
    let keys = 0;

    beforeAll(async () => {
        acme = await makeAccount(t.db.pool, {
            name: 'Acme Sales – US',
            users: 4,
            termStart: '2026-06-01',
            termEnd: '2027-05-31',
            licenses: {
                CRM: { quantity: 4, floor: 3, unitPriceCents: 6500, assignedTo: 4 },
                DIALER_TAB: { quantity: 2, floor: 1, unitPriceCents: 2000 }
            }
        });
        await addTestCard(t.db.pool, createLocalProcessor(t.db.pool), acme.accountId, TEST_NOW);
    });
    afterEach(async () => {
        expect(await verifyLedger(t.db.pool)).toEqual([]);
    });

    const headers = (idempotent = false) =>
        as({ orgId: acme.orgId, userId: acme.admin.id }, idempotent ? `k-${++keys}` : undefined);

    it('R1.1 summarises every account of the company with its licenses, recurring total and recent purchases', async () => {
        const second = await makeAccount(t.db.pool, {
            orgId: acme.orgId,
            name: 'Acme Sales – EU',
            users: 0,
            licenses: { CRM: { quantity: 2 } }
        });
        await t.app.inject({
            method: 'POST',
            url: `/api/v1/accounts/${acme.accountId}/quantities`,
            headers: headers(true),
            payload: { quantities: { CRM: 5 }, authorization: AUTHORIZATION }
        });
        const response = await t.app.inject({ url: '/api/v1/summary', headers: headers() });
        expect(response.statusCode).toBe(200);
        const summary = response.json<{
            accounts: { id: string; recurringTotalCents: number; recentPurchases: object[] }[];
            recurringTotalCents: number;
        }>();
        const us = summary.accounts.find((account) => account.id === acme.accountId)!;
        expect(us).toMatchObject({
            name: 'Acme Sales – US',
            licenses: [
                { code: 'CRM', quantity: 5, unitPriceCents: 6500, lineTotalCents: 32_500 },
                { code: 'DIALER_TAB', quantity: 2, unitPriceCents: 2000, lineTotalCents: 4000 }
            ],
            recurringTotalCents: 36_500,
            // 6500 × 1 × 9 ÷ 30 = 1950 (22 November, New York).
            recentPurchases: [
                expect.objectContaining({
                    kind: 'licenses',
                    status: 'succeeded',
                    totalCents: 1950
                })
            ]
        });
        expect(JSON.stringify(us)).toMatch(/"number":"TRX-\d{6}"/);
        expect(summary.accounts.map((account) => account.id).sort()).toEqual(
            [acme.accountId, second.accountId].sort()
        );
        expect(summary.recurringTotalCents).toBe(36_500 + 2 * 6500);
    });

    it('R1.2 never shows another company’s accounts in the summary', async () => {
        const stranger = await makeAccount(t.db.pool, { users: 1 });
        const response = await t.app.inject({
            url: '/api/v1/summary',
            headers: as({ orgId: stranger.orgId, userId: stranger.admin.id })
        });
        const summary = response.json<{ accounts: { id: string }[] }>();
        expect(summary.accounts.map((account) => account.id)).toEqual([stranger.accountId]);
    });

    it('R1.3 changes the billing administrator only to an active admin', async () => {
        const url = `/api/v1/accounts/${acme.accountId}/billing-administrator`;
        expect((await t.app.inject({ url, headers: headers() })).json()).toMatchObject({
            userId: acme.admin.id,
            isAdmin: true
        });
        const notAdmin = acme.users[1]!;
        const before = await snapshotDatabase(t.db.pool);
        const refused = await t.app.inject({
            method: 'PUT',
            url,
            headers: headers(true),
            payload: { userId: notAdmin.id, authorization: AUTHORIZATION }
        });
        expect(refused.statusCode).toBe(422);
        expect(refused.json()).toMatchObject({ code: 'not_an_admin' });
        const inactiveAdmin = await makeUser(t.db.pool, acme.orgId, { isAdmin: true, active: false });
        const refusedInactive = await t.app.inject({
            method: 'PUT',
            url,
            headers: headers(true),
            payload: { userId: inactiveAdmin.id, authorization: AUTHORIZATION }
        });
        expect(refusedInactive.json()).toMatchObject({ code: 'not_an_admin' });
        await t.db.pool.query('DELETE FROM directory_users WHERE user_id = $1', [inactiveAdmin.id]);
        expect(await snapshotDatabase(t.db.pool)).toEqual(before);

        const newAdmin = await makeUser(t.db.pool, acme.orgId, { isAdmin: true, name: 'Grace Hopper' });
        const changed = await t.app.inject({
            method: 'PUT',
            url,
            headers: headers(true),
            payload: { userId: newAdmin.id, authorization: AUTHORIZATION }
        });
        expect(changed.statusCode).toBe(200);
        expect((await t.app.inject({ url, headers: headers() })).json()).toMatchObject({
            userId: newAdmin.id,
            name: 'Grace Hopper'
        });
    });

    it('R4.3 previews and requests cancellation: effective at the end of the term, with what remains owed', async () => {
        const preview = await t.app.inject({
            method: 'POST',
            url: `/api/v1/accounts/${acme.accountId}/cancellation/preview`,
            headers: headers(),
            payload: {}
        });
        // Cycles still billed after 22 November 2026 up to 31 May 2027: December to May, 6; floors 3 × 6500 + 1 × 2000.
        const expected = {
            effectiveDate: '2027-05-31',
            remainingCycles: 6,
            monthlyAtFloors: 21_500,
            remainingOwed: 129_000
        };
        expect(preview.json()).toMatchObject({ status: 'active', plan: expected });
        const cancelled = await t.app.inject({
            method: 'POST',
            url: `/api/v1/accounts/${acme.accountId}/cancellation`,
            headers: headers(true),
            payload: { authorization: AUTHORIZATION }
        });
        expect(cancelled.statusCode).toBe(200);
        expect(cancelled.json()).toMatchObject({ status: 'cancelling', plan: expected });
        const again = await t.app.inject({
            method: 'POST',
            url: `/api/v1/accounts/${acme.accountId}/cancellation`,
            headers: headers(true),
            payload: { authorization: AUTHORIZATION }
        });
        expect(again.statusCode).toBe(409);
        expect(again.json()).toMatchObject({ code: 'account_cancelling' });
    });
});
