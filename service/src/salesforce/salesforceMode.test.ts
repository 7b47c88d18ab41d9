import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { AUTHORIZATION, buildTestApp } from '../testing/buildTestApp';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase';
import { makeAccount, salesforceId, TEST_NOW, type TestAccount } from '../testing/factories';
import { snapshotDatabase } from '../testing/snapshotDatabase';
import { FakeSalesforce, type FakeSalesforceUser } from './fakeSalesforce';
import { JwtAuthenticator } from './jwtAuthenticator';
import { saveOrgRegistration } from './orgRegistrationRepository';
import { SalesforceDirectory } from './salesforceDirectory';
import { createTestSigner, signTestToken, type TestSigner } from './testTokens';
import { TokenCipher } from './tokenCipher';

const AUDIENCE = 'https://billing.powerdialer.test';
const REFRESH_TOKEN = '5Aep861.install.step';

/**
 * Issue 4 with an org: the real HTTP stack, JwtAuthenticator, and SalesforceDirectory asking a
 * local fake Salesforce (jsforce) who is an admin (R1.3, R1.4).
 */
describe('R1.3 R1.4 the service in Salesforce mode', () => {
    let db: TestDatabase;
    let app: FastifyInstance;
    let salesforce: FakeSalesforce;
    let signer: TestSigner;
    let acme: TestAccount;
    let now = TEST_NOW.getTime();
    const person = (name: string, active: boolean, modifyAllData: boolean): FakeSalesforceUser => ({
        Id: salesforceId('005'),
        Name: name,
        Email: `${name.split(' ')[0]!.toLowerCase()}@acme.test`,
        IsActive: active,
        modifyAllData
    });
    const rep = person('Rex Rep', true, false);
    const former = person('Fay Former', false, true);
    const grace = person('Grace Hopper', true, true);
    const nell = person('Nell New', true, true);

    beforeAll(async () => {
        db = await createTestDatabase();
        acme = await makeAccount(db.pool, { users: 1 });
        signer = await createTestSigner();
        const admin = { ...person('Ada Admin', true, true), Id: acme.admin.id };
        salesforce = await new FakeSalesforce({
            orgId: acme.orgId,
            users: [admin, rep, former, grace, nell],
            refreshToken: REFRESH_TOKEN
        }).start();
        const cipher = new TokenCipher(randomBytes(32).toString('base64'));
        await saveOrgRegistration(
            db.pool,
            {
                orgId: acme.orgId,
                publicKeyPem: signer.publicKeyPem,
                jwks: undefined,
                audience: AUDIENCE,
                instanceUrl: salesforce.url,
                refreshTokenEncrypted: cipher.encrypt(REFRESH_TOKEN, acme.orgId)
            },
            TEST_NOW
        );
        const clock = { now: () => new Date(now) };
        app = await buildTestApp(db.pool, {
            authenticator: new JwtAuthenticator({ pool: db.pool, clock }),
            directory: new SalesforceDirectory({
                pool: db.pool,
                cipher,
                oauth: { clientId: 'id', clientSecret: 'secret' },
                clock
            }),
            clock
        });
    });

    afterAll(async () => {
        await app.close();
        await salesforce.stop();
        await db.cleanup();
    });

    beforeEach(() => {
        salesforce.failWith = undefined;
    });

    async function headers(userId: string, idempotencyKey?: string): Promise<Record<string, string>> {
        const token = await signTestToken(signer, {
            orgId: acme.orgId,
            userId,
            audience: AUDIENCE,
            issuedAt: now / 1000
        });
        const result: Record<string, string> = { authorization: `Bearer ${token}` };
        if (idempotencyKey !== undefined) result['idempotency-key'] = idempotencyKey;
        return result;
    }

    /** Everything but the accepted token ids, which every request adds to. */
    async function billingData(): Promise<Record<string, unknown[]>> {
        const snapshot = await snapshotDatabase(db.pool);
        return Object.fromEntries(Object.entries(snapshot).filter(([table]) => table !== 'seen_token_ids'));
    }

    const administratorUrl = () => `/api/v1/accounts/${acme.accountId}/billing-administrator`;

    /** The admin asks to make `userId` the billing administrator (R1.3). */
    async function changeAdministrator(userId: string, idempotencyKey: string) {
        return app.inject({
            method: 'PUT',
            url: administratorUrl(),
            headers: await headers(acme.admin.id, idempotencyKey),
            payload: { userId, authorization: AUTHORIZATION }
        });
    }

    it('an admin according to Salesforce gets in; a user without Modify All Data and an inactive admin get 403', async () => {
        const me = await app.inject({ url: '/api/v1/me', headers: await headers(acme.admin.id) });
        expect(me.statusCode).toBe(200);
        expect(me.json()).toMatchObject({ name: 'Ada Admin', isAdmin: true });
        for (const refused of [rep, former]) {
            const response = await app.inject({
                url: administratorUrl(),
                headers: await headers(refused.Id)
            });
            expect([refused.Name, response.statusCode]).toEqual([refused.Name, 403]);
            expect(response.json()).toMatchObject({ code: 'not_permitted' });
        }
    });

    it('the billing administrator can only become an active Salesforce admin (R1.3)', async () => {
        const refused = await changeAdministrator(former.Id, 'ba-1');
        expect(refused.json()).toMatchObject({ code: 'not_an_admin' });
        const changed = await changeAdministrator(grace.Id, 'ba-2');
        expect(changed.statusCode).toBe(200);
        expect(changed.json()).toMatchObject({ userId: grace.Id, name: 'Grace Hopper' });
    });

    it('a user id that tries SOQL injection is refused with 400 before any query reaches Salesforce', async () => {
        const asked = salesforce.queries.length;
        const before = await billingData();
        const response = await changeAdministrator("005' OR Id != '1x", 'ba-3');
        expect(response.statusCode).toBe(400);
        expect(response.json()).toMatchObject({ code: 'invalid_salesforce_id' });
        expect(salesforce.queries.slice(asked)).toEqual([]);
        expect(await billingData()).toEqual(before);
    });

    it('Salesforce down in the middle of a change: 503 salesforce_unavailable and nothing changed', async () => {
        await app.inject({ url: '/api/v1/me', headers: await headers(acme.admin.id) }); // the caller is cached now
        const before = await billingData();
        salesforce.failWith = 503;
        const response = await changeAdministrator(nell.Id, 'ba-4');
        expect(response.statusCode).toBe(503);
        expect(response.json()).toMatchObject({ code: 'salesforce_unavailable' });
        expect(await billingData()).toEqual(before);
    });

    it('Salesforce down when the caller must be checked: 503 salesforce_unavailable, no data', async () => {
        now += 5 * 60_000;
        salesforce.failWith = 503;
        const response = await app.inject({ url: administratorUrl(), headers: await headers(acme.admin.id) });
        expect(response.statusCode).toBe(503);
        expect(response.json()).toEqual({
            code: 'salesforce_unavailable',
            message: expect.any(String) as string
        });
    });
});
