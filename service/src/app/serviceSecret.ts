import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const MIN_SECRET_LENGTH = 32;
const SECRET_FILE = 'service-secret';

/**
 * The key of the idempotency request hashes (an HMAC, so a stored hash says nothing about a card
 * number in the body). SERVICE_SECRET when set; in local mode without it, one is generated into
 * `<dataDir>/service-secret` on the first start and reused after, so stored keys keep matching.
 * With a real org it is required: servers sharing a database must hash with the same key.
 */
export async function loadServiceSecret(
    env: NodeJS.ProcessEnv,
    dataDir: string,
    mode: 'local' | 'salesforce' = 'local'
): Promise<string> {
    const configured = env.SERVICE_SECRET;
    if (configured !== undefined && configured !== '') {
        if (configured.length < MIN_SECRET_LENGTH) {
            throw new Error(
                `SERVICE_SECRET must be at least ${MIN_SECRET_LENGTH} characters (openssl rand -base64 32).`
            );
        }
        return configured;
    }
    if (mode === 'salesforce') {
        throw new Error(
            'Set SERVICE_SECRET (at least 32 characters, e.g. openssl rand -base64 32) in Salesforce mode.'
        );
    }
    const file = path.join(dataDir, SECRET_FILE);
    await mkdir(dataDir, { recursive: true });
    try {
        // 'wx': never overwrite a secret another start already wrote.
        await writeFile(file, randomBytes(32).toString('base64'), { flag: 'wx', mode: 0o600 });
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    return (await readFile(file, 'utf8')).trim();
}
