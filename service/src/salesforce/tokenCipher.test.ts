import { randomBytes } from 'node:crypto';
import { TokenCipher } from './tokenCipher';

const ORG_A = '00D000000000001EAA';
const ORG_B = '00D000000000002EAA';

describe('refresh tokens encrypted at rest (issue 4)', () => {
    const cipher = new TokenCipher(randomBytes(32).toString('base64'));

    it('decrypts what it encrypted, and the sealed text does not contain the token', () => {
        const sealed = cipher.encrypt('5Aep861refresh-token', ORG_A);
        expect(sealed).not.toContain('5Aep861refresh-token');
        expect(cipher.decrypt(sealed, ORG_A)).toBe('5Aep861refresh-token');
    });

    it('refuses a token sealed for another org, a tampered token, and another key', () => {
        const sealed = cipher.encrypt('5Aep861refresh-token', ORG_A);
        expect(() => cipher.decrypt(sealed, ORG_B)).toThrow();
        expect(() => cipher.decrypt(withFlippedCiphertextBit(sealed), ORG_A)).toThrow();
        expect(() => new TokenCipher(randomBytes(32).toString('base64')).decrypt(sealed, ORG_A)).toThrow();
    });

    it('refuses a key that is not 32 bytes', () => {
        expect(() => new TokenCipher(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
    });
});

/** Flips one bit of the ciphertext itself (editing a base64 character may touch only padding bits). */
function withFlippedCiphertextBit(sealed: string): string {
    const parts = sealed.split('.');
    const ciphertext = Buffer.from(parts[3]!, 'base64url');
    ciphertext[0] = ciphertext[0]! ^ 1;
    return [...parts.slice(0, 3), ciphertext.toString('base64url')].join('.');
}
