import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../testing/buildTestApp';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase';
import { makeAccount, salesforceId, TEST_NOW, type TestAccount } from '../testing/factories';
import { FakeSalesforce, type FakeSalesforceUser } from './fakeSalesforce';
import { JwtAuthenticator } from './jwtAuthenticator';
import { findOrgRegistration } from './orgRegistrationRepository';
import { SalesforceConnector } from './salesforceConnector';
import { SalesforceDirectory } from './salesforceDirectory';
import { createTestCertificate, signTestToken, type TestSigner } from './testTokens';
import { TokenCipher } from './tokenCipher';

const SERVICE_URL = 'https://billing.powerdialer.test';
const CLIENT = { clientId: '3MVG9connect', clientSecret: 'connected-app-secret' };
const CERTIFICATE = 'PowerDialer_Billing_Signing';

/**
 * Issue 12, end to end against the fake Salesforce: an org nobody registered gets
 * org_not_registered with its Connect address; an admin's Connect (OAuth web-server flow with
 * PKCE, then the certificate read through the Metadata API) registers it, and the next call gets
 * in. Connecting again rotates the certificate and the refresh token. Refusals register nothing.
 */
describe('issue 12: self-service Connect', () => {
    let db: TestDatabase;
    let app: FastifyInstance;
    let salesforce: FakeSalesforce;
    let cipher: TokenCipher;
    let directory: SalesforceDirectory;
    let acme: TestAccount;
    let key: TestSigner & { certificatePem: string };
    let admin: FakeSalesforceUser;
    const rep: FakeSalesforceUser = {
        Id: salesforceId('005'),
        Name: 'Rex Rep',
        Email: 'rex@acme.test',
        IsActive: true,
        modifyAllData: false
    };

    beforeAll(async () => {
        db = await createTestDatabase();
        acme = await makeAccount(db.pool, { users: 1 });
        key = await createTestCertificate();
        admin = {
            Id: acme.admin.id,
            Name: 'Ada Admin',
            Email: 'ada@acme.test',
            IsActive: true,
            modifyAllData: true
        };
        salesforce = await new FakeSalesforce({
            orgId: acme.orgId,
            users: [admin, rep],
            ...CLIENT,
            certificates: { [CERTIFICATE]: key.certificatePem }
        }).start();
        cipher = new TokenCipher(randomBytes(32).toString('base64'));
        const clock = { now: () => TEST_NOW };
        directory = new SalesforceDirectory({
            pool: db.pool,
            cipher,
            oauth: CLIENT,
            clock,
            serviceUrl: SERVICE_URL
        });
        app = await buildTestApp(db.pool, {
            authenticator: new JwtAuthenticator({ pool: db.pool, clock, serviceUrl: SERVICE_URL }),
            directory,
            orgConnector: new SalesforceConnector({
                pool: db.pool,
                cipher,
                clock,
                oauth: CLIENT,
                loginUrl: salesforce.url,
                serviceUrl: SERVICE_URL,
                onConnected: (orgId) => {
                    directory.forget(orgId);
                }
            }),
            clock
        });
    });

    afterAll(async () => {
        await app.close();
        await salesforce.stop();
        await db.cleanup();
    });

    beforeEach(async () => {
        salesforce.signedInUserId = admin.Id;
        salesforce.deny = false;
        salesforce.setCertificate(CERTIFICATE, key.certificatePem);
        await db.pool.query('DELETE FROM org_registrations WHERE org_id = $1', [acme.orgId]);
    });

    /** What the Apex proxy sends: a fresh token naming the org's certificate. */
    async function callMe(signer: TestSigner = key) {
        const token = await signTestToken(signer, {
            orgId: acme.orgId,
            userId: acme.admin.id,
            audience: SERVICE_URL,
            issuedAt: TEST_NOW.getTime() / 1000,
            override: { certificate: CERTIFICATE }
        });
        return app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    }

    const connectPath = (url: string) => url.slice(SERVICE_URL.length);

    /** The admin's browser: the service, Salesforce's authorize page, and back to the callback. */
    async function connectInBrowser(url: string, options: { cookie?: boolean } = {}) {
        const start = await app.inject({ url: connectPath(url) });
        expect(start.statusCode).toBe(302);
        const authorize = new URL(start.headers.location as string);
        const cookie = String(start.headers['set-cookie']).split(';')[0] ?? '';
        const atSalesforce = await fetch(authorize, { redirect: 'manual' });
        expect(atSalesforce.status).toBe(302);
        const callback = atSalesforce.headers.get('location') ?? '';
        expect(callback.startsWith(`${SERVICE_URL}/connect/salesforce/callback?`)).toBe(true);
        const answer = await app.inject({
            url: connectPath(callback),
            headers: options.cookie === false ? {} : { cookie }
        });
        return { authorize, callback, answer };
    }

    async function connectUrlOfRefusal(): Promise<string> {
        const refused = await callMe();
        expect(refused.statusCode).toBe(401);
        const body = refused.json<{ code: string; details: { connectUrl: string } }>();
        expect(body.code).toBe('org_not_registered');
        return body.details.connectUrl;
    }

    it('an unregistered org is told where to connect; Connect registers it and the next call gets in', async () => {
        const url = await connectUrlOfRefusal();
        expect(url).toBe(`${SERVICE_URL}/connect/salesforce?org=${acme.orgId}&certificate=${CERTIFICATE}`);
        const { authorize, answer } = await connectInBrowser(url);
        expect(authorize.origin).toBe(salesforce.url);
        expect(authorize.pathname).toBe('/services/oauth2/authorize');
        expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
            response_type: 'code',
            client_id: CLIENT.clientId,
            redirect_uri: `${SERVICE_URL}/connect/salesforce/callback`,
            scope: 'api refresh_token'
        });
        expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(answer.statusCode).toBe(200);
        expect(answer.headers['content-type']).toContain('text/html');
        expect(answer.body).toContain('PowerDialer Billing is connected');

        const registration = await findOrgRegistration(db.pool, acme.orgId);
        expect(registration).toMatchObject({ publicKeyPem: key.certificatePem, audience: SERVICE_URL });
        expect(cipher.decrypt(registration!.refreshTokenEncrypted!, acme.orgId)).toBe(
            salesforce.refreshTokens.at(-1)
        );
        const me = await callMe();
        expect(me.statusCode).toBe(200);
        expect(me.json()).toMatchObject({ orgId: acme.orgId, userId: acme.admin.id, isAdmin: true });
    }, 60_000);

    it('connecting again rotates both the certificate and the refresh token', async () => {
        const url = await connectUrlOfRefusal();
        expect((await connectInBrowser(url)).answer.statusCode).toBe(200);
        const first = salesforce.refreshTokens.at(-1);
        const rotated = await createTestCertificate();
        salesforce.setCertificate(CERTIFICATE, rotated.certificatePem);
        expect((await connectInBrowser(url)).answer.statusCode).toBe(200);
        const registration = await findOrgRegistration(db.pool, acme.orgId);
        expect(registration?.publicKeyPem).toBe(rotated.certificatePem);
        const second = cipher.decrypt(registration!.refreshTokenEncrypted!, acme.orgId);
        expect(second).toBe(salesforce.refreshTokens.at(-1));
        expect(second).not.toBe(first);
        expect((await callMe(key)).json()).toMatchObject({ code: 'token_invalid' });
        expect((await callMe(rotated)).statusCode).toBe(200);
    }, 60_000);

    it('a revoked connection says so with the Connect address; connecting again mends it', async () => {
        const url = await connectUrlOfRefusal();
        expect((await connectInBrowser(url)).answer.statusCode).toBe(200);
        expect((await callMe()).statusCode).toBe(200);
        salesforce.refreshTokens.splice(0);
        salesforce.expireAccessToken();
        directory.forget(acme.orgId); // as when its cached answers run out
        const lost = await callMe();
        expect(lost.statusCode).toBe(503);
        expect(lost.json()).toMatchObject({
            code: 'salesforce_not_connected',
            details: { connectUrl: `${SERVICE_URL}/connect/salesforce?org=${acme.orgId}` }
        });
        expect((await connectInBrowser(url)).answer.statusCode).toBe(200);
        expect((await callMe()).statusCode).toBe(200);
    }, 60_000);

    it('refusals register nothing: a non-admin, a denial, another org, a missing certificate', async () => {
        const url = await connectUrlOfRefusal();
        salesforce.signedInUserId = rep.Id;
        const notAdmin = (await connectInBrowser(url)).answer;
        expect(notAdmin.statusCode).toBe(403);
        expect(notAdmin.body).toContain('Only a Salesforce admin');

        salesforce.signedInUserId = admin.Id;
        salesforce.deny = true;
        const denied = (await connectInBrowser(url)).answer;
        expect(denied.statusCode).toBe(400);
        expect(denied.body).toContain('end-user denied authorization');

        salesforce.deny = false;
        const otherOrg = `${SERVICE_URL}/connect/salesforce?org=${salesforceId('00D')}`;
        const wrong = (await connectInBrowser(otherOrg)).answer;
        expect(wrong.statusCode).toBe(400);
        expect(wrong.body).toContain('You signed in to org');

        salesforce.setCertificate(CERTIFICATE, undefined);
        const missing = (await connectInBrowser(url)).answer;
        expect(missing.statusCode).toBe(422);
        expect(missing.body).toContain(`no certificate named ${CERTIFICATE}`);
        expect(await findOrgRegistration(db.pool, acme.orgId)).toBeUndefined();
    }, 60_000);

    it('a callback without the starting browser, a replayed callback, or a wrong PKCE verifier is refused', async () => {
        const url = await connectUrlOfRefusal();
        const stranger = (await connectInBrowser(url, { cookie: false })).answer;
        expect(stranger.statusCode).toBe(400);
        expect(stranger.body).toContain('expired or was already used');

        const { callback, answer } = await connectInBrowser(url);
        expect(answer.statusCode).toBe(200);
        await db.pool.query('DELETE FROM org_registrations WHERE org_id = $1', [acme.orgId]);
        const replayed = await app.inject({ url: connectPath(callback) });
        expect(replayed.statusCode).toBe(400);

        const start = await app.inject({ url: connectPath(url) });
        await db.pool.query(`UPDATE salesforce_connect_attempts SET code_verifier = repeat('x', 43)`);
        const atSalesforce = await fetch(String(start.headers.location), { redirect: 'manual' });
        const tampered = await app.inject({
            url: connectPath(atSalesforce.headers.get('location') ?? ''),
            headers: { cookie: String(start.headers['set-cookie']).split(';')[0] ?? '' }
        });
        expect(tampered.statusCode).toBe(400);
        expect(tampered.body).toContain('invalid code verifier');
        expect(await findOrgRegistration(db.pool, acme.orgId)).toBeUndefined();
    }, 60_000);
});
