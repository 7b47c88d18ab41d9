import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadServiceSecret } from './serviceSecret';

describe('the server secret that keys idempotency hashes', () => {
    let dir: string;
    beforeEach(async () => {
        dir = await mkdtemp(path.join(os.tmpdir(), 'service-secret-'));
    });
    afterEach(async () => {
        await rm(dir, { recursive: true, force: true });
    });

    it('is generated into the data folder on the first local start and reused by the next ones', async () => {
        const first = await loadServiceSecret({}, dir);
        const second = await loadServiceSecret({}, dir);
        expect(first.length).toBeGreaterThanOrEqual(32);
        expect(second).toBe(first);
        expect(await readFile(path.join(dir, 'service-secret'), 'utf8')).toBe(first);
        expect((await stat(path.join(dir, 'service-secret'))).mode & 0o077).toBe(0);
    });

    it('comes from SERVICE_SECRET when set, and a short one is refused with a sentence', async () => {
        const configured = 'x'.repeat(40);
        expect(await loadServiceSecret({ SERVICE_SECRET: configured }, dir)).toBe(configured);
        await expect(loadServiceSecret({ SERVICE_SECRET: 'short' }, dir)).rejects.toThrow(
            'SERVICE_SECRET must be at least 32 characters'
        );
    });

    it('is required with a real org, where several servers share the database', async () => {
        await expect(loadServiceSecret({}, dir, 'salesforce')).rejects.toThrow('Set SERVICE_SECRET');
    });
});
