import { randomUUID } from 'node:crypto';
import { as } from '../testing/buildTestApp';
import { makeAccount, TEST_NOW, type TestAccount } from '../testing/factories';
import { runtimePost } from '../testing/runtimeClient';
import { useTestApp } from '../testing/testDatabase';
import { runKeysCommand } from './keysCommand';
import { generateRuntimeKey } from './runtimeKeys';

describe('R10.1 runtime API keys', () => {
    const t = useTestApp(() => ({ runtime: { keyCacheMs: 0 } }));
    let acme: TestAccount;
    beforeAll(async () => {
        acme = await makeAccount(t.db.pool, {
            users: 2,
            licenses: { CRM: { quantity: 2, assignedTo: 2 }, ELF: { quantity: 1, assignedTo: 1 } }
        });
    });
    const keys = async (...argv: string[]) => {
        const lines: string[] = [];
        const code = await runKeysCommand(t.db.pool, argv, (line) => lines.push(line), TEST_NOW);
        return { code, output: lines.join('\n') };
    };
    const secretOf = (output: string) => /pdrk_\S+/.exec(output)?.[0] ?? '';
    const idOf = (output: string) => /runtime key (\S+)/.exec(output)?.[1] ?? '';
    const check = (secret: string | undefined) =>
        runtimePost(
            t.app,
            secret === undefined ? {} : { authorization: `Bearer ${secret}` },
            '/licenses/check',
            {
                orgId: acme.orgId,
                userId: acme.users[0]!.id,
                licenses: ['ELF']
            }
        );

    it('creates a key shown once and stores only its SHA-256; two keys work at once; a revoked one is refused', async () => {
        const east = await keys('create', '--name', 'telephony-east');
        const west = await keys('create', '--name', 'telephony-west');
        expect([east.code, west.code]).toEqual([0, 0]);
        const [eastSecret, westSecret] = [secretOf(east.output), secretOf(west.output)];
        expect(eastSecret).toMatch(/^pdrk_[A-Za-z0-9_-]{43}$/);
        const stored = await t.db.pool.query<{ row: string }>(
            'SELECT row_to_json(k)::text AS row FROM runtime_keys k'
        );
        expect(stored.rows.map((row) => row.row).join()).not.toContain(eastSecret.slice(5));
        expect((await check(eastSecret)).body).toMatchObject({ holds: { ELF: true } });
        expect((await check(westSecret)).status).toBe(200);
        const listed = await keys('list');
        expect(listed.output).toMatch(/telephony-east\s+runtime\s+created 2026-11-22T15:00:00.000Z\s+valid/);
        expect(listed.output).not.toContain(eastSecret);
        expect((await keys('revoke', idOf(east.output))).code).toBe(0);
        expect((await keys('list')).output).toMatch(/telephony-east\s+runtime\s+\S+ \S+\s+revoked/);
        const revoked = await check(eastSecret);
        expect([revoked.status, revoked.body.code]).toEqual([401, 'runtime_key_revoked']);
        expect((await check(westSecret)).status).toBe(200);
        expect((await keys('revoke', randomUUID())).code).toBe(1);
        expect((await keys('create')).code).toBe(2);
        expect((await keys('rotate')).code).toBe(2);
    });

    it('answers a missing or unknown key with 401 and a stable code, and a Salesforce caller gets no runtime answer', async () => {
        const missing = await check(undefined);
        expect([missing.status, missing.body.code]).toEqual([401, 'runtime_key_missing']);
        const unknown = await check(generateRuntimeKey().secret);
        expect([unknown.status, unknown.body.code]).toEqual([401, 'runtime_key_invalid']);
        const admin = await runtimePost(
            t.app,
            as({ orgId: acme.orgId, userId: acme.admin.id }),
            '/licenses/check',
            {
                orgId: acme.orgId,
                userId: acme.users[0]!.id
            }
        );
        expect([admin.status, admin.body.code]).toEqual([401, 'runtime_key_missing']);
    });

    it('refuses a billing route called with a runtime key (403 wrong_credentials), and changes nothing', async () => {
        const secret = secretOf((await keys('create', '--name', 'telephony-south')).output);
        for (const [method, url] of [
            ['GET', '/api/v1/me'],
            ['GET', `/api/v1/accounts/${acme.accountId}/licenses`],
            ['POST', `/api/v1/accounts/${acme.accountId}/quantities`]
        ] as const) {
            const response = await t.app.inject({
                method,
                url,
                headers: {
                    authorization: `Bearer ${secret}`,
                    ...as({ orgId: acme.orgId, userId: acme.admin.id }, 'key-1')
                },
                ...(method === 'POST' ? { payload: { quantities: { CRM: 9 } } } : {})
            });
            expect([response.statusCode, response.json<{ code: string }>().code]).toEqual([
                403,
                'wrong_credentials'
            ]);
        }
        const quantity = await t.db.pool.query(
            'SELECT quantity FROM license_quantities WHERE billing_account_id = $1 AND license_code = $2',
            [acme.accountId, 'CRM']
        );
        expect(quantity.rows).toEqual([{ quantity: 2 }]);
    });
});
