import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const VERSION = 'v1';

/**
 * Encrypts OAuth refresh tokens at rest (AES-256-GCM). The org id is authenticated data, so a
 * ciphertext copied onto another org's row does not decrypt.
 */
export class TokenCipher {
    private readonly key: Buffer;

    /** `keyBase64`: 32 random bytes, base64 (e.g. `openssl rand -base64 32`). */
    constructor(keyBase64: string) {
        const key = Buffer.from(keyBase64, 'base64');
        if (key.length !== 32) throw new Error('The token encryption key must be 32 bytes, base64-encoded.');
        this.key = key;
    }

    encrypt(plaintext: string, orgId: string): string {
        const iv = randomBytes(12);
        const cipher = createCipheriv(ALGORITHM, this.key, iv);
        cipher.setAAD(Buffer.from(orgId));
        const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
        return [VERSION, iv, cipher.getAuthTag(), ciphertext].map(encodePart).join('.');
    }

    decrypt(sealed: string, orgId: string): string {
        const [version, iv, tag, ciphertext] = sealed.split('.');
        if (version !== VERSION || iv === undefined || tag === undefined || ciphertext === undefined) {
            throw new Error('Not a token sealed by TokenCipher.');
        }
        const decipher = createDecipheriv(ALGORITHM, this.key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(Buffer.from(orgId));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([
            decipher.update(Buffer.from(ciphertext, 'base64url')),
            decipher.final()
        ]).toString('utf8');
    }
}

function encodePart(part: string | Buffer): string {
    return typeof part === 'string' ? part : part.toString('base64url');
}
