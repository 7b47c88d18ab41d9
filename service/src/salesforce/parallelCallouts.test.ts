import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { decodeJwt } from 'jose';
import { fixedClock } from '../kernel/clock';
import { buildTestApp } from '../testing/buildTestApp';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase';
import { makeAccount, TEST_NOW, type TestAccount } from '../testing/factories';
import { JwtAuthenticator } from './jwtAuthenticator';
import { LocalIssuer } from './localIssuer';

/**
 * Issue 12: one page load makes many parallel callouts of one user, each with a token the Apex
 * proxy signs for it (random jti). Over real HTTP, 10 and then 50 at once all get in; a token
 * sent a second time is still refused, also when the copies race.
 */
describe('issue 12: parallel callouts of one user', () => {
    let db: TestDatabase;
    let app: FastifyInstance;
    let url: string;
    let keyDir: string;
    let acme: TestAccount;
    let issuer: LocalIssuer;

    beforeAll(async () => {
        db = await createTestDatabase();
        keyDir = await mkdtemp(path.join(tmpdir(), 'pdb-parallel-'));
        acme = await makeAccount(db.pool, { users: 1 });
        const clock = fixedClock(TEST_NOW);
        issuer = await LocalIssuer.start({ pool: db.pool, orgId: acme.orgId, keyDir, clock });
        app = await buildTestApp(db.pool, {
            authenticator: new JwtAuthenticator({ pool: db.pool, clock }),
            clock
        });
        url = await app.listen({ port: 0, host: '127.0.0.1' });
    });

    afterAll(async () => {
        await app.close();
        await db.cleanup();
        await rm(keyDir, { recursive: true, force: true });
    });

    const call = async (token: string) => {
        const response = await fetch(`${url}/api/v1/summary`, {
            headers: { authorization: `Bearer ${token}` }
        });
        return { status: response.status, body: (await response.json()) as { code?: string } };
    };

    it.each([10, 50])(
        '%i parallel callouts, each with its own token, all succeed',
        async (count) => {
            const tokens = await Promise.all(
                Array.from({ length: count }, () => issuer.issueToken(acme.admin.id))
            );
            expect(new Set(tokens.map((token) => decodeJwt(token).jti)).size).toBe(count);
            const answers = await Promise.all(tokens.map(call));
            expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: count }, () => 200));
        },
        60_000
    );

    it('a token replayed after its use is refused: 401 token_replayed', async () => {
        const token = await issuer.issueToken(acme.admin.id);
        expect((await call(token)).status).toBe(200);
        const replay = await call(token);
        expect(replay.status).toBe(401);
        expect(replay.body.code).toBe('token_replayed');
    });

    it('ten copies of one token racing: exactly one gets in', async () => {
        const token = await issuer.issueToken(acme.admin.id);
        const answers = await Promise.all(Array.from({ length: 10 }, () => call(token)));
        expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
        expect(answers.filter((answer) => answer.body.code === 'token_replayed')).toHaveLength(9);
    }, 60_000);
});
