import type { FastifyInstance } from 'fastify';
import { as, buildTestApp } from '../testing/buildTestApp';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase';
import { makeAccount, makeUser, type TestAccount } from '../testing/factories';

describe('R1.2 R1.4 the API frame', () => {
    let db: TestDatabase;
    let app: FastifyInstance;
    let acme: TestAccount;
    let other: TestAccount;
    beforeAll(async () => {
        db = await createTestDatabase();
        app = await buildTestApp(db.pool);
        acme = await makeAccount(db.pool, { users: 3 });
        other = await makeAccount(db.pool, { users: 2 });
    });
    afterAll(async () => {
        await app.close();
        await db.cleanup();
    });

    const admin = () => ({ orgId: acme.orgId, userId: acme.admin.id });

    it('answers GET /me for admins and non-admins alike', async () => {
        const me = await app.inject({ url: '/api/v1/me', headers: as(admin()) });
        expect(me.json()).toEqual({
            userId: acme.admin.id,
            name: acme.admin.name,
            orgId: acme.orgId,
            isAdmin: true
        });
        const plain = acme.users[1]!;
        const them = await app.inject({
            url: '/api/v1/me',
            headers: as({ orgId: acme.orgId, userId: plain.id })
        });
        expect(them.statusCode).toBe(200);
        expect(them.json()).toMatchObject({ isAdmin: false });
    });

    it('R1.4 tells a non-admin and an inactive admin that billing is for admins, with no data', async () => {
        const inactiveAdmin = await makeUser(db.pool, acme.orgId, { isAdmin: true, active: false });
        for (const userId of [acme.users[1]!.id, inactiveAdmin.id]) {
            const response = await app.inject({
                url: `/api/v1/accounts/${acme.accountId}/audit`,
                headers: as({ orgId: acme.orgId, userId })
            });
            expect(response.statusCode).toBe(403);
            expect(response.json()).toEqual({
                code: 'not_permitted',
                message: 'Billing is for Salesforce admins.'
            });
        }
    });

    it('refuses a request that does not say who calls', async () => {
        const response = await app.inject({ url: '/api/v1/me' });
        expect(response.statusCode).toBe(401);
        expect(response.json()).toMatchObject({ code: 'not_authenticated' });
    });

    it('R1.2 answers 404 for another company’s account, never its data', async () => {
        const response = await app.inject({
            url: `/api/v1/accounts/${other.accountId}/audit`,
            headers: as(admin())
        });
        expect(response.statusCode).toBe(404);
        expect(response.json()).toMatchObject({ code: 'not_found' });
        expect(response.body).not.toContain(other.accountId);
    });

    it('answers a malformed id, an unknown route and malformed JSON with a 4xx code', async () => {
        const badId = await app.inject({ url: '/api/v1/accounts/not-a-uuid/audit', headers: as(admin()) });
        expect(badId.statusCode).toBe(400);
        expect(badId.json()).toMatchObject({ code: 'invalid_request' });
        const unknown = await app.inject({ url: '/api/v1/nothing-here', headers: as(admin()) });
        expect(unknown.statusCode).toBe(404);
        expect(unknown.json()).toMatchObject({ code: 'not_found' });
        const malformed = await app.inject({
            method: 'POST',
            url: `/api/v1/accounts/${acme.accountId}/audit`,
            headers: { ...as(admin()), 'content-type': 'application/json' },
            payload: '{"broken":'
        });
        expect(malformed.statusCode).toBeGreaterThanOrEqual(400);
        expect(malformed.statusCode).toBeLessThan(500);
    });

    it('serves health, metrics and the OpenAPI document without a caller', async () => {
        const health = await app.inject({ url: '/health' });
        expect(health.json()).toEqual({ status: 'ok', database: 'ok' });
        const metrics = await app.inject({ url: '/metrics' });
        expect(metrics.body).toContain('billing_http_request_duration_seconds');
        expect(metrics.body).toContain('billing_ledger_transfers_total');
        const openapi = await app.inject({ url: '/openapi.json' });
        const document = openapi.json<{ paths: Record<string, unknown> }>();
        expect(Object.keys(document.paths)).toEqual(
            expect.arrayContaining(['/api/v1/me', '/api/v1/accounts/{accountId}/audit'])
        );
        type Operation = { parameters?: { name: string; in: string }[] };
        const headerNames = (path: string, method: string) => {
            const operation = (document.paths[path] as Record<string, Operation>)[method];
            return (operation?.parameters ?? [])
                .filter((parameter) => parameter.in === 'header')
                .map((parameter) => parameter.name);
        };
        expect(headerNames('/api/v1/accounts/{accountId}/quantities', 'post')).toEqual(['Idempotency-Key']);
        expect(headerNames('/api/v1/accounts/{accountId}/quantities/preview', 'post')).toEqual([]);
    });
});
