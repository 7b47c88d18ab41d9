import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { fixedClock } from '../kernel/clock';
import { buildTestApp } from '../testing/buildTestApp';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase';
import { makeAccount, makeUser, TEST_NOW, type TestAccount } from '../testing/factories';
import { JwtAuthenticator } from './jwtAuthenticator';
import { LocalIssuer } from './localIssuer';
import { createTestSigner, signTestToken } from './testTokens';

/**
 * Issue 4 through the real HTTP stack: every /api request carries the JWT the org's External
 * Credential signs (here: LocalIssuer, the same token shape), verified by JwtAuthenticator.
 */
describe('R1.2 R1.4 verified callers through the HTTP stack', () => {
    let db: TestDatabase;
    let app: FastifyInstance;
    let keyDir: string;
    let acme: TestAccount;
    let globex: TestAccount;
    let acmeIssuer: LocalIssuer;

    beforeAll(async () => {
        db = await createTestDatabase();
        keyDir = await mkdtemp(path.join(tmpdir(), 'pdb-issuer-'));
        acme = await makeAccount(db.pool, { users: 3 });
        globex = await makeAccount(db.pool, { users: 2 });
        const clock = fixedClock(TEST_NOW);
        acmeIssuer = await LocalIssuer.start({
            pool: db.pool,
            orgId: acme.orgId,
            keyDir: path.join(keyDir, 'acme'),
            clock
        });
        await LocalIssuer.start({
            pool: db.pool,
            orgId: globex.orgId,
            keyDir: path.join(keyDir, 'globex'),
            clock
        });
        app = await buildTestApp(db.pool, {
            authenticator: new JwtAuthenticator({ pool: db.pool, clock }),
            localIssuer: acmeIssuer,
            clock
        });
    });

    afterAll(async () => {
        await app.close();
        await db.cleanup();
        await rm(keyDir, { recursive: true, force: true });
    });

    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    const auditOf = (account: TestAccount) => `/api/v1/accounts/${account.accountId}/audit`;
    /** An admin-only read of one account, with the given token. */
    const getAudit = (account: TestAccount, token: string) =>
        app.inject({ url: auditOf(account), headers: bearer(token) });

    it('a valid token of an active admin gets their company data (200)', async () => {
        const me = await app.inject({
            url: '/api/v1/me',
            headers: bearer(await acmeIssuer.issueToken(acme.admin.id))
        });
        expect(me.statusCode).toBe(200);
        expect(me.json()).toMatchObject({ orgId: acme.orgId, userId: acme.admin.id, isAdmin: true });
        const audit = await getAudit(acme, await acmeIssuer.issueToken(acme.admin.id));
        expect(audit.statusCode).toBe(200);
    });

    it('no token: 401 token_missing', async () => {
        const response = await app.inject({ url: auditOf(acme) });
        expect(response.statusCode).toBe(401);
        expect(response.json()).toMatchObject({ code: 'token_missing' });
    });

    it('a forged token (signed with another key) is refused: 401 token_invalid', async () => {
        const forger = await createTestSigner();
        const token = await signTestToken(forger, {
            orgId: acme.orgId,
            userId: acme.admin.id,
            audience: acmeIssuer.audience,
            issuedAt: TEST_NOW.getTime() / 1000
        });
        const response = await getAudit(acme, token);
        expect(response.statusCode).toBe(401);
        expect(response.json()).toMatchObject({ code: 'token_invalid' });
    });

    it('an expired token is refused: 401 token_expired', async () => {
        const tenMinutesAgo = fixedClock(new Date(TEST_NOW.getTime() - 10 * 60_000));
        const past = await LocalIssuer.start({
            pool: db.pool,
            orgId: acme.orgId,
            keyDir: path.join(keyDir, 'acme'),
            clock: tenMinutesAgo
        });
        const response = await getAudit(acme, await past.issueToken(acme.admin.id));
        expect(response.statusCode).toBe(401);
        expect(response.json()).toMatchObject({ code: 'token_expired' });
    });

    it('a replayed token is refused the second time: 401 token_replayed', async () => {
        const token = await acmeIssuer.issueToken(acme.admin.id);
        expect((await getAudit(acme, token)).statusCode).toBe(200);
        const replay = await getAudit(acme, token);
        expect(replay.statusCode).toBe(401);
        expect(replay.json()).toMatchObject({ code: 'token_replayed' });
    });

    it("an admin of one company asking for another company's account gets 404, never data", async () => {
        const response = await getAudit(globex, await acmeIssuer.issueToken(acme.admin.id));
        expect(response.statusCode).toBe(404);
        expect(response.json()).toMatchObject({ code: 'not_found' });
    });

    it('a user who is not an admin gets 403 not_permitted', async () => {
        const rep = acme.users[1]!;
        const response = await getAudit(acme, await acmeIssuer.issueToken(rep.id));
        expect(response.statusCode).toBe(403);
        expect(response.json()).toMatchObject({ code: 'not_permitted' });
    });

    it('a deactivated admin gets 403 not_permitted', async () => {
        const former = await makeUser(db.pool, acme.orgId, { isAdmin: true, active: false });
        const response = await getAudit(acme, await acmeIssuer.issueToken(former.id));
        expect(response.statusCode).toBe(403);
        expect(response.json()).toMatchObject({ code: 'not_permitted' });
    });

    it('local mode: POST /dev/token signs a working token for a user of the demo org only', async () => {
        const issued = await app.inject({
            method: 'POST',
            url: '/dev/token',
            payload: { userId: acme.admin.id }
        });
        expect(issued.statusCode).toBe(200);
        const { token } = issued.json<{ token: string }>();
        expect((await app.inject({ url: '/api/v1/me', headers: bearer(token) })).statusCode).toBe(200);

        const stranger = await app.inject({
            method: 'POST',
            url: '/dev/token',
            payload: { userId: globex.admin.id }
        });
        expect(stranger.statusCode).toBe(422);
        expect(stranger.json()).toMatchObject({ code: 'unknown_user' });
        const malformed = await app.inject({
            method: 'POST',
            url: '/dev/token',
            payload: { userId: "005' OR 1=1" }
        });
        expect(malformed.statusCode).toBe(400);
        expect(malformed.json()).toMatchObject({ code: 'invalid_salesforce_id' });
    });

    it('POST /dev/token does not exist when the service runs without a local issuer', async () => {
        const production = await buildTestApp(db.pool, {
            authenticator: new JwtAuthenticator({ pool: db.pool, clock: fixedClock(TEST_NOW) })
        });
        try {
            const response = await production.inject({
                method: 'POST',
                url: '/dev/token',
                payload: { userId: acme.admin.id }
            });
            expect(response.statusCode).toBe(404);
        } finally {
            await production.close();
        }
    });
});
