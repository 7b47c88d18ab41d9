import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'pdrk_';
const SHAPE = /^pdrk_[A-Za-z0-9_-]{43}$/;

/**
 * A new runtime key: `pdrk_` and 256 random bits (base64url). Only its SHA-256 is stored. A fast
 * hash is enough here: slow hashes (bcrypt, scrypt) protect guessable passwords from a stolen
 * table, but no one can enumerate 2^256 secrets, so the stored digest reveals nothing usable;
 * and a fast digest keeps the check per request cheap at thousands of requests a second.
 */
export function generateRuntimeKey(): { secret: string; sha256: string } {
    const secret = PREFIX + randomBytes(32).toString('base64url');
    return { secret, sha256: hashRuntimeKey(secret) };
}

export function hashRuntimeKey(secret: string): string {
    return createHash('sha256').update(secret).digest('hex');
}

/** A string shaped like a runtime key (whether or not it is valid). */
export function looksLikeRuntimeKey(value: string | undefined): boolean {
    return value !== undefined && SHAPE.test(value);
}

/** The credential of `Authorization: Bearer <credential>`, if any. */
export function bearerCredential(headers: Record<string, string | string[] | undefined>): string | undefined {
    const header = headers.authorization;
    const value = Array.isArray(header) ? header[0] : header;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(value ?? '');
    return match?.[1];
}
