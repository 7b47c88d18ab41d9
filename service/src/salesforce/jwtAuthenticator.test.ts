import { createHmac } from 'node:crypto';
import { exportJWK } from 'jose';
import { fixedClock } from '../kernel/clock';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase';
import { isBillingError } from '../../../core/errors';
import { JwtAuthenticator } from './jwtAuthenticator';
import { saveOrgRegistration } from './orgRegistrationRepository';
import { createTestSigner, signTestToken, type TestSigner, type TestTokenClaims } from './testTokens';

const ORG = '00D000000000001EAA';
const OTHER_ORG = '00D000000000002EAA';
const USER = '005Dn000001AbCdIAK';
const AUDIENCE = 'https://billing.powerdialer.test';
const NOW = new Date('2026-03-10T15:00:00Z');
const NOW_SECONDS = NOW.getTime() / 1000;

let db: TestDatabase;
let signer: TestSigner;
let authenticator: JwtAuthenticator;

beforeAll(async () => {
    db = await createTestDatabase();
    signer = await createTestSigner();
    await saveOrgRegistration(
        db.pool,
        {
            orgId: ORG,
            publicKeyPem: signer.publicKeyPem,
            jwks: undefined,
            audience: AUDIENCE,
            instanceUrl: 'https://acme.my.salesforce.com',
            refreshTokenEncrypted: undefined
        },
        NOW
    );
    authenticator = new JwtAuthenticator({ pool: db.pool, clock: fixedClock(NOW) });
});

afterAll(async () => {
    await db.cleanup();
});

function claims(extra: Partial<TestTokenClaims> = {}): TestTokenClaims {
    return { orgId: ORG, userId: USER, audience: AUDIENCE, issuedAt: NOW_SECONDS - 5, ...extra };
}

async function refusalCode(token: string, auth = authenticator): Promise<string> {
    try {
        await auth.authenticate({ authorization: `Bearer ${token}` });
    } catch (error) {
        if (isBillingError(error)) return error.code;
        throw error;
    }
    throw new Error('the token was accepted');
}

describe('issue 4: JWT from the External Credential binds the request to one org and one user (R1.2)', () => {
    it('accepts a valid token and binds the caller to its org and user, as 18-character ids', async () => {
        const token = await signTestToken(
            signer,
            claims({ orgId: ORG.slice(0, 15), userId: USER.slice(0, 15) })
        );
        await expect(authenticator.authenticate({ authorization: `Bearer ${token}` })).resolves.toEqual({
            orgId: ORG,
            userId: USER
        });
    });

    it('refuses a request without a bearer token', async () => {
        await expect(authenticator.authenticate({})).rejects.toMatchObject({
            code: 'token_missing',
            httpStatus: 401
        });
        await expect(authenticator.authenticate({ authorization: 'Basic abc' })).rejects.toMatchObject({
            code: 'token_missing'
        });
        expect(await refusalCode('not-a-jwt')).toBe('token_invalid');
    });

    it('refuses a token signed with another key (forged)', async () => {
        const forger = await createTestSigner();
        expect(await refusalCode(await signTestToken(forger, claims()))).toBe('token_invalid');
    });

    it('refuses expired tokens, but tolerates a small clock skew', async () => {
        const expired = await signTestToken(
            signer,
            claims({ issuedAt: NOW_SECONDS - 200, lifetimeSeconds: 120 })
        );
        expect(await refusalCode(expired)).toBe('token_expired');
        const justExpired = await signTestToken(
            signer,
            claims({ issuedAt: NOW_SECONDS - 130, lifetimeSeconds: 120 })
        );
        await expect(
            authenticator.authenticate({ authorization: `Bearer ${justExpired}` })
        ).resolves.toBeDefined();
    });

    it('refuses a token that is not valid yet', async () => {
        const future = await signTestToken(signer, claims({ issuedAt: NOW_SECONDS + 300 }));
        expect(await refusalCode(future)).toBe('token_not_yet_valid');
    });

    it('refuses a token meant to live longer than ten minutes', async () => {
        const longLived = await signTestToken(signer, claims({ lifetimeSeconds: 24 * 3600 }));
        expect(await refusalCode(longLived)).toBe('token_invalid');
    });

    it('refuses a token for another audience', async () => {
        const token = await signTestToken(signer, claims({ audience: 'https://someone-else.test' }));
        expect(await refusalCode(token)).toBe('token_wrong_audience');
    });

    it('refuses the second use of a token (replay), also on a second server sharing the database', async () => {
        const token = await signTestToken(signer, claims());
        const secondServer = new JwtAuthenticator({ pool: db.pool, clock: fixedClock(NOW) });
        const results = await Promise.allSettled([
            authenticator.authenticate({ authorization: `Bearer ${token}` }),
            secondServer.authenticate({ authorization: `Bearer ${token}` })
        ]);
        expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
        expect(await refusalCode(token, secondServer)).toBe('token_replayed');
    });

    it('refuses a token from an org that is not registered, even when well signed', async () => {
        expect(await refusalCode(await signTestToken(signer, claims({ orgId: OTHER_ORG })))).toBe(
            'org_not_registered'
        );
    });

    it('refuses tokens missing a claim or naming something other than an org and a user', async () => {
        for (const missing of ['jti', 'sub', 'exp', 'aud']) {
            const token = await signTestToken(signer, claims({ override: { [missing]: undefined } }));
            expect([missing, await refusalCode(token)]).toEqual([missing, 'token_invalid']);
        }
        expect(await refusalCode(await signTestToken(signer, claims({ userId: ORG })))).toBe('token_invalid');
        expect(await refusalCode(await signTestToken(signer, claims({ orgId: USER })))).toBe('token_invalid');
        expect(await refusalCode(await signTestToken(signer, claims({ userId: "005' OR Id != '" })))).toBe(
            'token_invalid'
        );
    });

    it('refuses alg none and an HS256 token keyed with the public key (algorithm confusion)', async () => {
        const payload = {
            iss: ORG,
            sub: USER,
            aud: AUDIENCE,
            iat: NOW_SECONDS,
            exp: NOW_SECONDS + 60,
            jti: 'x1'
        };
        const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
        const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode(payload)}.`;
        expect(await refusalCode(unsigned)).toBe('token_invalid');

        const hsInput = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ ...payload, jti: 'x2' })}`;
        const hsSignature = createHmac('sha256', signer.publicKeyPem).update(hsInput).digest('base64url');
        expect(await refusalCode(`${hsInput}.${hsSignature}`)).toBe('token_invalid');
    });

    it('verifies against a registered JWKS as well as a PEM key', async () => {
        const jwk = { ...(await exportJWK(signer.publicKey)), alg: 'RS256', kid: 'k1', use: 'sig' };
        await saveOrgRegistration(
            db.pool,
            {
                orgId: OTHER_ORG,
                publicKeyPem: undefined,
                jwks: { keys: [jwk] },
                audience: AUDIENCE,
                instanceUrl: 'https://other.my.salesforce.com',
                refreshTokenEncrypted: undefined
            },
            NOW
        );
        const token = await signTestToken(signer, claims({ orgId: OTHER_ORG }));
        await expect(authenticator.authenticate({ authorization: `Bearer ${token}` })).resolves.toEqual({
            orgId: OTHER_ORG,
            userId: USER
        });
    });

    it('forgets the ids of tokens once they have expired, so the table does not grow forever', async () => {
        let now = NOW.getTime() + 3_600_000;
        const later = new JwtAuthenticator({ pool: db.pool, clock: { now: () => new Date(now) } });
        const first = await signTestToken(signer, claims({ issuedAt: now / 1000, jti: 'kept-until-expiry' }));
        await later.authenticate({ authorization: `Bearer ${first}` });
        const stored = () =>
            db.pool.query('SELECT 1 FROM seen_token_ids WHERE jti = $1', ['kept-until-expiry']);
        expect((await stored()).rowCount).toBe(1);
        now += 10 * 60_000;
        const second = await signTestToken(signer, claims({ issuedAt: now / 1000 }));
        await later.authenticate({ authorization: `Bearer ${second}` });
        expect((await stored()).rowCount).toBe(0);
    });
});
