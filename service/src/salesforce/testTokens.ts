import { randomUUID } from 'node:crypto';
import {
    exportSPKI,
    generateKeyPair,
    importPKCS8,
    importX509,
    SignJWT,
    type JWTPayload,
    type KeyLike
} from 'jose';
import { generate } from 'selfsigned';

/** Test helper: an org's signing key, and tokens shaped like the External Credential's. */
export interface TestSigner {
    privateKey: KeyLike;
    publicKey: KeyLike;
    publicKeyPem: string;
}

export async function createTestSigner(): Promise<TestSigner> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    return { privateKey, publicKey, publicKeyPem: await exportSPKI(publicKey) };
}

/** A self-signed certificate as an org's Certificate and Key Management holds it, with its key. */
export async function createTestCertificate(): Promise<TestSigner & { certificatePem: string }> {
    const pems = await generate([{ name: 'commonName', value: 'PowerDialer Billing Signing' }], {
        keySize: 2048,
        algorithm: 'sha256'
    });
    const privateKey = await importPKCS8(pems.private, 'RS256');
    const publicKey = await importX509(pems.cert, 'RS256');
    return { privateKey, publicKey, publicKeyPem: pems.public, certificatePem: pems.cert.trim() };
}

export interface TestTokenClaims {
    orgId: string;
    userId: string;
    audience: string;
    /** Seconds since the epoch the token is signed at. */
    issuedAt: number;
    lifetimeSeconds?: number;
    jti?: string;
    /** Claims to add, or to remove when set to undefined. */
    override?: Record<string, unknown>;
}

export async function signTestToken(signer: TestSigner, claims: TestTokenClaims): Promise<string> {
    const standard: JWTPayload = {
        iss: claims.orgId,
        sub: claims.userId,
        aud: claims.audience,
        iat: claims.issuedAt,
        nbf: claims.issuedAt,
        exp: claims.issuedAt + (claims.lifetimeSeconds ?? 120),
        jti: claims.jti ?? randomUUID()
    };
    const merged = Object.entries({ ...standard, ...claims.override });
    const payload = Object.fromEntries(merged.filter(([, value]) => value !== undefined)) as JWTPayload;
    return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ: 'JWT' }).sign(signer.privateKey);
}
