import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addTestCard, testCard } from '../funding/testing';
import type { FundingSource } from '../funding/fundingSourceRepository';
import { createLocalProcessor } from '../payments/localProcessor';
import { createOutboxMailer } from '../receipts/outboxMailer';
import { as, AUTHORIZATION } from '../testing/buildTestApp';
import { concreteUrl, documentedRoutes, type DocumentedRoute } from '../testing/documentedRoutes';
import { makeAccount, makeUser, TEST_NOW, type TestAccount } from '../testing/factories';
import { snapshotDatabase } from '../testing/snapshotDatabase';
import { useTestApp } from '../testing/testDatabase';
import { fixedClock } from '../kernel/clock';
import { TERMS_VERSION } from '../kernel/terms';
import { seedMoney } from '../seed/seedMoney';

const OUTBOX = path.join(tmpdir(), `every-route-outbox-${process.pid}`);

/**
 * Every route of the OpenAPI document, enumerated (a route added later is covered or fails the
 * table check): R9.1 no change without authorization, Idempotency-Key required, R9.2 each accepted
 * change audited, R1.2 another company's account is 404, R1.4 non-admins get nothing.
 */
describe('every documented route', () => {
    const t = useTestApp((pool) => ({
        processor: createLocalProcessor(pool),
        mailer: createOutboxMailer(OUTBOX)
    }));
    let acme: TestAccount;
    let other: TestAccount;
    let ids: Record<string, string>;
    let cards: FundingSource[];
    let newAdminId: string;
    let otherCardId: string;
    beforeAll(async () => {
        acme = await makeAccount(t.db.pool, {
            users: 5,
            licenses: { CRM: { quantity: 6, assignedTo: 4 }, DIALER_TAB: { quantity: 2 } }
        });
        other = await makeAccount(t.db.pool, { users: 2 });
        otherCardId = (
            await addTestCard(t.db.pool, createLocalProcessor(t.db.pool), other.accountId, TEST_NOW)
        ).id;
        await seedMoney(t.db.pool, acme.accountId, fixedClock(TEST_NOW));
        const processor = createLocalProcessor(t.db.pool);
        await addTestCard(t.db.pool, processor, acme.accountId, TEST_NOW, { number: '4000056655665556' });
        cards = (
            await t.db.pool.query<FundingSource>(
                `SELECT id FROM funding_sources WHERE billing_account_id = $1
                 ORDER BY CASE role WHEN 'primary' THEN 0 WHEN 'secondary' THEN 1 ELSE 2 END`,
                [acme.accountId]
            )
        ).rows;
        newAdminId = (await makeUser(t.db.pool, acme.orgId, { isAdmin: true })).id;
        const list = await t.app.inject({
            url: `/api/v1/accounts/${acme.accountId}/transactions`,
            headers: as(admin())
        });
        const number = list.json<{ transactions: { number: string }[] }>().transactions[0]?.number;
        ids = { accountId: acme.accountId, fundingSourceId: cards[0]!.id, number: number ?? 'none' };
    });
    afterAll(async () => {
        await rm(OUTBOX, { recursive: true, force: true });
    });

    const admin = () => ({ orgId: acme.orgId, userId: acme.admin.id });
    const routes = () => documentedRoutes(t.app);
    const mutating = () => routes().filter((route) => route.mutating);

    /** A valid body (without authorization) and path ids for each change, in an order that can run. */
    const CHANGES: Record<string, () => { body: Record<string, unknown>; ids?: Record<string, string> }> = {
        'POST /api/v1/accounts/{accountId}/assignments': () => ({
            body: { changes: [{ userId: acme.users[4]!.id, license: 'CRM', assigned: true }] }
        }),
        'POST /api/v1/accounts/{accountId}/quantities': () => ({ body: { quantities: { CRM: 7 } } }),
        'POST /api/v1/accounts/{accountId}/funding-sources': () => ({
            body: { source: testCard({ number: '5555555555554444' }) }
        }),
        'POST /api/v1/accounts/{accountId}/funding-sources/{fundingSourceId}/make-primary': () => ({
            body: {},
            ids: { fundingSourceId: cards[1]!.id }
        }),
        'POST /api/v1/accounts/{accountId}/funding-sources/{fundingSourceId}/remove': () => ({
            body: {},
            ids: { fundingSourceId: cards[2]!.id }
        }),
        'PUT /api/v1/accounts/{accountId}/recharge-source': () => ({
            body: { fundingSourceId: cards[0]!.id }
        }),
        'POST /api/v1/accounts/{accountId}/minutes/purchases': () => ({ body: { amountCents: 10_000 } }),
        'PUT /api/v1/accounts/{accountId}/minutes/recharge': () => ({ body: { enabled: true } }),
        'POST /api/v1/accounts/{accountId}/transactions/{number}/email': () => ({
            body: { to: 'accounts@example.com' }
        }),
        'POST /api/v1/accounts/{accountId}/services/purchases': () => ({
            body: { service: 'IMPLEMENTATION_QUICK_START', quantity: 1 }
        }),
        'PUT /api/v1/accounts/{accountId}/billing-administrator': () => ({ body: { userId: newAdminId } }),
        'POST /api/v1/accounts/{accountId}/cancellation': () => ({ body: {} })
    };

    function change(route: DocumentedRoute): { url: string; body: Record<string, unknown> } {
        const make = CHANGES[route.name];
        if (make === undefined) throw new Error(`no valid body for ${route.name}`);
        const { body, ids: overrides } = make();
        return { url: concreteUrl(route, { ...ids, ...overrides }), body };
    }

    /** Any route's URL and a body it accepts (previews and GETs included). */
    function request(route: DocumentedRoute): { url: string; body: Record<string, unknown> } {
        if (route.mutating) return change(route);
        const body = route.fields.includes('quantities') ? { quantities: { CRM: 7 } } : {};
        return { url: concreteUrl(route, ids), body };
    }

    async function expectRefusedAndUnchanged(
        request: () => Promise<{ statusCode: number; body: string }>,
        expected: number | 'any 4xx'
    ): Promise<void> {
        const before = await snapshotDatabase(t.db.pool);
        const response = await request();
        if (expected === 'any 4xx') {
            expect(response.statusCode).toBeGreaterThanOrEqual(400);
            expect(response.statusCode).toBeLessThan(500);
        } else expect(response.statusCode).toBe(expected);
        expect(JSON.parse(response.body)).toMatchObject({ code: expect.any(String) as unknown });
        expect(await snapshotDatabase(t.db.pool)).toEqual(before);
    }

    it('has a valid change for every mutating route of the document', () => {
        expect(
            mutating()
                .map((route) => route.name)
                .sort()
        ).toEqual(Object.keys(CHANGES).sort());
        expect(mutating().length).toBeGreaterThanOrEqual(12);
    });

    it('R9.1 refuses every change without a valid authorization: 4xx and nothing changed', async () => {
        const withoutName = { ...AUTHORIZATION, firstName: ' ' };
        const notAccepted = { ...AUTHORIZATION, accepted: false };
        const oldTerms = { ...AUTHORIZATION, termsVersion: `${TERMS_VERSION}-old` };
        for (const route of mutating()) {
            const { url, body } = change(route);
            for (const authorization of [undefined, withoutName, notAccepted, oldTerms]) {
                await expectRefusedAndUnchanged(
                    () =>
                        t.app.inject({
                            method: route.method,
                            url,
                            headers: as(admin(), `no-authorization-${route.name}`),
                            payload: authorization === undefined ? body : { ...body, authorization }
                        }),
                    'any 4xx'
                );
            }
        }
    });

    it('refuses every change without an Idempotency-Key: 400 and nothing changed', async () => {
        for (const route of mutating()) {
            const { url, body } = change(route);
            await expectRefusedAndUnchanged(
                () =>
                    t.app.inject({
                        method: route.method,
                        url,
                        headers: as(admin()),
                        payload: { ...body, authorization: AUTHORIZATION }
                    }),
                400
            );
        }
    });

    it('R1.4 refuses every account route to a non-admin, and every route to an unknown caller', async () => {
        const plain = { orgId: acme.orgId, userId: acme.users[1]!.id };
        for (const route of routes().filter((candidate) => candidate.accountScoped)) {
            const { url, body } = request(route);
            const payload =
                route.method === 'GET' ? {} : { payload: { ...body, authorization: AUTHORIZATION } };
            await expectRefusedAndUnchanged(
                () =>
                    t.app.inject({
                        method: route.method,
                        url,
                        headers: as(plain, `plain-${route.name}`),
                        ...payload
                    }),
                403
            );
            await expectRefusedAndUnchanged(
                () =>
                    t.app.inject({
                        method: route.method,
                        url,
                        headers: { 'idempotency-key': 'anon' },
                        ...payload
                    }),
                401
            );
        }
    });

    it('R1.2 answers 404 to another company on every account route, and shows nothing of the account', async () => {
        const stranger = { orgId: other.orgId, userId: other.admin.id };
        const accountRoutes = routes().filter((route) => route.accountScoped);
        expect(accountRoutes.length).toBeGreaterThanOrEqual(25);
        for (const route of accountRoutes) {
            const { url, body } = request(route);
            let answer = '';
            await expectRefusedAndUnchanged(async () => {
                const response = await t.app.inject({
                    method: route.method,
                    url,
                    headers: as(stranger, `stranger-${route.name}`),
                    ...(route.method === 'GET' ? {} : { payload: { ...body, authorization: AUTHORIZATION } })
                });
                answer = response.body;
                return response;
            }, 404);
            expect(answer).not.toContain(acme.accountId);
        }
    });

    it('R1.2 refuses another company’s user or card named inside a change: 4xx and nothing changed', async () => {
        const account = `/api/v1/accounts/${acme.accountId}`;
        const attempts: { method: 'POST' | 'PUT'; url: string; body: object }[] = [
            { method: 'PUT', url: `${account}/billing-administrator`, body: { userId: other.admin.id } },
            { method: 'PUT', url: `${account}/recharge-source`, body: { fundingSourceId: otherCardId } },
            {
                method: 'POST',
                url: `${account}/assignments`,
                body: { changes: [{ userId: other.users[1]!.id, license: 'CRM', assigned: true }] }
            },
            { method: 'POST', url: `${account}/funding-sources/${otherCardId}/make-primary`, body: {} },
            { method: 'POST', url: `${account}/funding-sources/${otherCardId}/remove`, body: {} }
        ];
        for (const [index, attempt] of attempts.entries()) {
            let answer = '';
            await expectRefusedAndUnchanged(async () => {
                const response = await t.app.inject({
                    method: attempt.method,
                    url: attempt.url,
                    headers: as(admin(), `foreign-${index}`),
                    payload: { ...attempt.body, authorization: AUTHORIZATION }
                });
                answer = response.body;
                return response;
            }, 'any 4xx');
            expect(answer).not.toContain(other.admin.name);
        }
    });

    it('R3.1 R4.3 changes nothing on a preview: 200 and the database as it was', async () => {
        const previews = routes().filter((route) => route.method !== 'GET' && !route.mutating);
        expect(previews.map((route) => route.name).sort()).toEqual([
            'POST /api/v1/accounts/{accountId}/cancellation/preview',
            'POST /api/v1/accounts/{accountId}/quantities/preview'
        ]);
        for (const route of previews) {
            const before = await snapshotDatabase(t.db.pool);
            const { url, body } = request(route);
            const response = await t.app.inject({
                method: route.method,
                url,
                headers: as(admin()),
                payload: body
            });
            expect([route.name, response.statusCode]).toEqual([route.name, 200]);
            expect(await snapshotDatabase(t.db.pool)).toEqual(before);
        }
    });

    it('R9.2 accepts each change once authorized, audits it (user, typed name, time, terms version, before/after), replays its key, refuses the key for another payload', async () => {
        const order = Object.keys(CHANGES);
        const byName = new Map(mutating().map((route) => [route.name, route]));
        for (const name of order) {
            const route = byName.get(name)!;
            const { url, body } = change(route);
            const key = `accepted-${name}`;
            const send = (firstName: string) =>
                t.app.inject({
                    method: route.method,
                    url,
                    headers: as(admin(), key),
                    payload: { ...body, authorization: { ...AUTHORIZATION, firstName, lastName: 'Hopper' } }
                });
            const response = await send('Grace');
            expect([name, response.statusCode < 300]).toEqual([name, true]);
            // The same key and payload again: the first answer, nothing changed; another payload: 409.
            const before = await snapshotDatabase(t.db.pool);
            const replay = await send('Grace');
            expect([name, replay.statusCode, replay.json()]).toEqual([
                name,
                response.statusCode,
                response.json()
            ]);
            expect(replay.headers['idempotent-replayed']).toBe('true');
            const reused = await send('Ada');
            expect([name, reused.statusCode, reused.json<{ code: string }>().code]).toEqual([
                name,
                409,
                'idempotency_key_reused'
            ]);
            expect(await snapshotDatabase(t.db.pool)).toEqual(before);
            const audit = await t.db.pool.query<{
                user_id: string;
                first_name: string;
                last_name: string;
                terms_version: string;
                created_at: Date;
                before: unknown;
                after: unknown;
            }>('SELECT * FROM audit_log WHERE org_id = $1 AND idempotency_key = $2', [acme.orgId, key]);
            expect(audit.rows.length).toBeGreaterThanOrEqual(1);
            for (const row of audit.rows) {
                expect(row).toMatchObject({
                    user_id: acme.admin.id,
                    first_name: 'Grace',
                    last_name: 'Hopper',
                    terms_version: TERMS_VERSION,
                    created_at: TEST_NOW
                });
                expect([name, row.after]).not.toEqual([name, null]);
                expect([name, row.before]).not.toEqual([name, row.after]);
            }
        }
    });
});
