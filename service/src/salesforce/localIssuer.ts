import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { exportPKCS8, exportSPKI, generateKeyPair, importPKCS8, SignJWT, type KeyLike } from 'jose';
import type { Pool } from '../db/pool';
import type { Clock } from '../kernel/clock';
import { serviceError } from '../kernel/serviceError';
import { deleteOrgRegistrations, saveOrgRegistration } from './orgRegistrationRepository';
import { toSalesforceId18 } from './salesforceId';

const ALGORITHM = 'RS256';
/** The External Credential's default: tokens expire two minutes after they are signed. */
export const TOKEN_LIFETIME_SECONDS = 120;
export const LOCAL_AUDIENCE = 'urn:powerdialer-billing:local';
export const LOCAL_INSTANCE_URL = 'http://127.0.0.1/local-org';

/**
 * Against real orgs, a registration left by an earlier start in local mode (the demo org, trusting
 * the key pair in the local data folder) must not keep working: it is removed.
 */
export async function forgetLocalIssuer(pool: Pool): Promise<void> {
    await deleteOrgRegistrations(pool, { instanceUrl: LOCAL_INSTANCE_URL, audience: LOCAL_AUDIENCE });
}

export interface LocalIssuerOptions {
    pool: Pool;
    /** The local demo company's 18-character org id. */
    orgId: string;
    /** Where the key pair is kept between runs, e.g. `.data/local-issuer`. */
    keyDir: string;
    clock: Clock;
    audience?: string;
}

/**
 * Local mode only (no Salesforce org): plays the External Credential. Keeps an RS256 key pair,
 * registers its public half for the demo org like an admin would, and signs the same short-lived
 * tokens Salesforce would (iss = org id, sub = user id, aud, iat, nbf, exp, jti). The service
 * verifies them with the same JwtAuthenticator as in production.
 */
export class LocalIssuer {
    private constructor(
        readonly orgId: string,
        readonly audience: string,
        private readonly privateKey: KeyLike,
        private readonly clock: Clock
    ) {}

    static async start(options: LocalIssuerOptions): Promise<LocalIssuer> {
        const orgId = toSalesforceId18(options.orgId, 'organization');
        if (orgId === undefined) throw new Error(`${options.orgId} is not a Salesforce org id.`);
        const audience = options.audience ?? LOCAL_AUDIENCE;
        const { privateKey, publicKeyPem } = await loadOrCreateKeyPair(options.keyDir);
        await saveOrgRegistration(
            options.pool,
            {
                orgId,
                publicKeyPem,
                jwks: undefined,
                audience,
                instanceUrl: LOCAL_INSTANCE_URL,
                refreshTokenEncrypted: undefined
            },
            options.clock.now()
        );
        return new LocalIssuer(orgId, audience, privateKey, options.clock);
    }

    /** A token for one user of the local org, as the Named Credential would send it. */
    async issueToken(userId: string): Promise<string> {
        const subject = toSalesforceId18(userId, 'user');
        if (subject === undefined) {
            throw serviceError(
                'invalid_salesforce_id',
                'userId must be a 15- or 18-character Salesforce user id.'
            );
        }
        const now = Math.floor(this.clock.now().getTime() / 1000);
        return new SignJWT({})
            .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
            .setIssuer(this.orgId)
            .setSubject(subject)
            .setAudience(this.audience)
            .setIssuedAt(now)
            .setNotBefore(now)
            .setExpirationTime(now + TOKEN_LIFETIME_SECONDS)
            .setJti(randomUUID())
            .sign(this.privateKey);
    }
}

async function loadOrCreateKeyPair(keyDir: string): Promise<{ privateKey: KeyLike; publicKeyPem: string }> {
    const privatePath = path.join(keyDir, 'private-key.pem');
    const publicPath = path.join(keyDir, 'public-key.pem');
    try {
        const [privatePem, publicKeyPem] = await Promise.all([
            readFile(privatePath, 'utf8'),
            readFile(publicPath, 'utf8')
        ]);
        return { privateKey: await importPKCS8(privatePem, ALGORITHM), publicKeyPem };
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const pair = await generateKeyPair(ALGORITHM, { extractable: true, modulusLength: 2048 });
    const publicKeyPem = await exportSPKI(pair.publicKey);
    await mkdir(keyDir, { recursive: true, mode: 0o700 });
    await writeFile(privatePath, await exportPKCS8(pair.privateKey), { mode: 0o600 });
    await writeFile(publicPath, publicKeyPem);
    return { privateKey: pair.privateKey, publicKeyPem };
}
