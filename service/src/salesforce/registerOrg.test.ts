import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { importPKCS8 } from 'jose';
import { fixedClock } from '../kernel/clock';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase';
import { JwtAuthenticator } from './jwtAuthenticator';
import { findOrgRegistration } from './orgRegistrationRepository';
import { registerOrg } from './registerOrg';
import { signTestToken } from './testTokens';
import { TokenCipher } from './tokenCipher';

const NOW = new Date('2026-03-10T15:00:00Z');
const ORG_15 = '00D5g000004AbCd';
const USER = '0055g00000AdMinAAF';
const AUDIENCE = 'https://billing.powerdialer.example';

describe('issue 4: registering an org (the admin step)', () => {
    let db: TestDatabase;
    let folder: string;
    let certificatePem: string;
    let privateKeyPem: string;
    const cipher = new TokenCipher(randomBytes(32).toString('base64'));
    const clock = fixedClock(NOW);

    beforeAll(async () => {
        db = await createTestDatabase();
        // A self-signed certificate like the one Salesforce's Certificate and Key Management exports.
        folder = await mkdtemp(path.join(tmpdir(), 'pdb-cert-'));
        await promisify(execFile)('openssl', [
            'req',
            '-x509',
            '-newkey',
            'rsa:2048',
            '-nodes',
            '-days',
            '365',
            '-subj',
            '/CN=PowerDialer Billing Signing',
            '-keyout',
            path.join(folder, 'key.pem'),
            '-out',
            path.join(folder, 'cert.pem')
        ]);
        certificatePem = await readFile(path.join(folder, 'cert.pem'), 'utf8');
        privateKeyPem = await readFile(path.join(folder, 'key.pem'), 'utf8');
    });

    afterAll(async () => {
        await db.cleanup();
        await rm(folder, { recursive: true, force: true });
    });

    it("stores the certificate and the encrypted refresh token; the org's tokens are then accepted", async () => {
        const orgId = await registerOrg(
            { pool: db.pool, cipher, clock },
            {
                orgId: ORG_15,
                certificatePem,
                audience: AUDIENCE,
                instanceUrl: 'https://acme.my.salesforce.com/',
                refreshToken: '5Aep861secret'
            }
        );
        expect(orgId).toBe('00D5g000004AbCdEAK');
        const stored = await findOrgRegistration(db.pool, orgId);
        expect(stored).toMatchObject({ audience: AUDIENCE, instanceUrl: 'https://acme.my.salesforce.com' });
        expect(JSON.stringify(stored)).not.toContain('5Aep861secret');
        expect(cipher.decrypt(stored!.refreshTokenEncrypted!, orgId)).toBe('5Aep861secret');

        const privateKey = await importPKCS8(privateKeyPem, 'RS256');
        const token = await signTestToken(
            { privateKey, publicKey: privateKey, publicKeyPem: '' },
            { orgId: ORG_15, userId: USER, audience: AUDIENCE, issuedAt: NOW.getTime() / 1000 }
        );
        const authenticator = new JwtAuthenticator({ pool: db.pool, clock });
        await expect(authenticator.authenticate({ authorization: `Bearer ${token}` })).resolves.toEqual({
            orgId,
            userId: USER
        });
    });

    it('keeps the stored refresh token when a new certificate is registered without one', async () => {
        const orgId = await registerOrg(
            { pool: db.pool, cipher, clock },
            {
                orgId: ORG_15,
                certificatePem,
                audience: AUDIENCE,
                instanceUrl: 'https://acme.my.salesforce.com'
            }
        );
        const stored = await findOrgRegistration(db.pool, orgId);
        expect(cipher.decrypt(stored!.refreshTokenEncrypted!, orgId)).toBe('5Aep861secret');
    });

    it('refuses a wrong org id, a certificate that is not one, and an instance URL without https, writing nothing', async () => {
        const deps = { pool: db.pool, cipher, clock };
        const valid = {
            orgId: '00D5g000004XyZw',
            certificatePem,
            audience: AUDIENCE,
            instanceUrl: 'https://x.my.salesforce.com'
        };
        await expect(registerOrg(deps, { ...valid, orgId: "00D' OR 1=1" })).rejects.toThrow(
            /not a Salesforce org id/
        );
        await expect(registerOrg(deps, { ...valid, certificatePem: 'hello' })).rejects.toThrow(
            /not an RSA certificate/
        );
        await expect(
            registerOrg(deps, { ...valid, instanceUrl: 'http://x.my.salesforce.com' })
        ).rejects.toThrow(/https/);
        await expect(registerOrg(deps, { ...valid, audience: ' ' })).rejects.toThrow(/audience/);
        expect(await findOrgRegistration(db.pool, '00D5g000004XyZwEAK')).toBeUndefined();
    });
});
