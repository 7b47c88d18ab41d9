import type { AddressInfo } from 'node:net';
import { fixedClock } from '../kernel/clock';
import { createLocalProcessor } from '../payments/localProcessor';
import { JwtAuthenticator } from '../salesforce/jwtAuthenticator';
import { saveOrgRegistration } from '../salesforce/orgRegistrationRepository';
import { createTestSigner, signTestToken, type TestSigner } from '../salesforce/testTokens';
import { buildTestApp } from '../testing/buildTestApp';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase';
import { makeAccount, makeUser, salesforceId, TEST_NOW, type TestAccount } from '../testing/factories';
import { makeOperator } from '../testing/operators';
import type { FastifyInstance } from 'fastify';
import { runOperatorTokensCli } from './cli/operatorTokensCli';
import { runOpsCli } from './cli/opsCli';

jest.setTimeout(120_000);

const AUDIENCE = 'https://billing.powerdialer.test';
const NOW_SECONDS = TEST_NOW.getTime() / 1000;

/** R11.1: operators, Salesforce users and their tokens never cross doors; the CLIs reach /ops only. */
describe('R11.1 operator tokens, their doors and the command lines', () => {
    let db: TestDatabase;
    let app: FastifyInstance;
    let signer: TestSigner;
    let acme: TestAccount;
    beforeAll(async () => {
        db = await createTestDatabase();
        signer = await createTestSigner();
        acme = await makeAccount(db.pool, { users: 2 });
        await saveOrgRegistration(
            db.pool,
            {
                orgId: acme.orgId,
                publicKeyPem: signer.publicKeyPem,
                jwks: undefined,
                audience: AUDIENCE,
                instanceUrl: 'https://acme.my.salesforce.com',
                refreshTokenEncrypted: undefined
            },
            TEST_NOW
        );
        app = await buildTestApp(db.pool, {
            authenticator: new JwtAuthenticator({ pool: db.pool, clock: fixedClock(TEST_NOW) }),
            processor: createLocalProcessor(db.pool)
        });
        await app.listen({ port: 0, host: '127.0.0.1' });
    });
    afterAll(async () => {
        await app.close();
        await db.cleanup();
    });

    const salesforceToken = () =>
        signTestToken(signer, {
            orgId: acme.orgId,
            userId: acme.admin.id,
            audience: AUDIENCE,
            issuedAt: NOW_SECONDS
        });

    it('a Salesforce token works on /api but never on /ops; an operator token never on /api', async () => {
        const onApi = await app.inject({
            url: '/api/v1/me',
            headers: { authorization: `Bearer ${await salesforceToken()}` }
        });
        expect(onApi.statusCode).toBe(200);
        const onOps = await app.inject({
            url: '/ops/v1/me',
            headers: { authorization: `Bearer ${await salesforceToken()}`, 'x-operator-reason': 'probe' }
        });
        expect([onOps.statusCode, onOps.json<{ code: string }>().code]).toEqual([
            401,
            'operator_token_invalid'
        ]);
        const operator = await makeOperator(db.pool, 'finance');
        expect((await app.inject({ url: '/ops/v1/me', headers: operator.headers() })).json()).toEqual({
            name: operator.name,
            role: 'finance'
        });
        for (const url of ['/api/v1/me', '/api/v1/summary', `/api/v1/accounts/${acme.accountId}/licenses`]) {
            const response = await app.inject({ url, headers: operator.headers() });
            expect(response.statusCode).toBe(401);
        }
        const bare = await app.inject({ url: '/ops/v1/me', headers: { 'x-operator-reason': 'probe' } });
        expect([bare.statusCode, bare.json<{ code: string }>().code]).toEqual([
            401,
            'operator_token_missing'
        ]);
    });

    it('ops-tokens creates a token shown once (hashed at rest), lists it, and a revoked token is refused', async () => {
        const printed: string[] = [];
        const context = { db: db.pool, now: TEST_NOW, print: (text: string) => printed.push(text) };
        expect(
            await runOperatorTokensCli(['create', '--name', 'Rita Rep', '--role', 'representative'], context)
        ).toBe(0);
        const token = /pdo_[A-Za-z0-9_-]+/.exec(printed.join('\n'))?.[0] ?? '';
        const stored = await db.pool.query<{ token_hash: string }>(
            "SELECT token_hash FROM operator_tokens WHERE name = 'Rita Rep'"
        );
        expect(stored.rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
        expect(JSON.stringify(stored.rows)).not.toContain(token);
        const headers = { authorization: `Bearer ${token}`, 'x-operator-reason': 'probe' };
        expect((await app.inject({ url: '/ops/v1/me', headers })).statusCode).toBe(200);
        printed.length = 0;
        await runOperatorTokensCli(['list'], context);
        expect(printed.join('\n')).toContain('Rita Rep');
        expect(printed.join('\n')).not.toContain(token);
        const id =
            /^([0-9a-f-]{36})/m.exec(printed.find((line) => line.includes('Rita Rep')) ?? '')?.[1] ?? '';
        expect(await runOperatorTokensCli(['revoke', id], context)).toBe(0);
        expect((await app.inject({ url: '/ops/v1/me', headers })).statusCode).toBe(401);
        expect(await runOperatorTokensCli(['create', '--name', 'X', '--role', 'boss'], context)).toBe(2);
    });

    it('npm run ops: --help for each command, and account create previews then applies over HTTP', async () => {
        const operator = await makeOperator(db.pool, 'representative');
        const printed: string[] = [];
        const { port } = app.server.address() as AddressInfo;
        const context = {
            env: { OPS_URL: `http://127.0.0.1:${port}`, OPS_TOKEN: operator.token },
            fetch,
            print: (text: string) => printed.push(text)
        };
        for (const command of [
            ['account', 'create'],
            ['contract', 'amend'],
            ['charge', 'add'],
            ['credit'],
            ['refund']
        ]) {
            printed.length = 0;
            expect(await runOpsCli([...command, '--help'], context)).toBe(0);
            expect(printed.join('\n')).toContain(`npm run ops -- ${command.join(' ')}`);
        }
        const orgId = salesforceId('00D');
        const installer = await makeUser(db.pool, orgId, { isAdmin: true });
        const args = [
            'account',
            'create',
            '--org-id',
            orgId,
            '--company',
            'Initech',
            '--installer',
            installer.id,
            '--name',
            'Initech Main',
            '--time-zone',
            'America/Chicago',
            '--start',
            '2026-11-22',
            '--months',
            '6',
            '--license',
            'CRM=5',
            '--floor',
            'CRM=5',
            '--price',
            'CRM=70.00',
            '--reason',
            'Signed order 1001'
        ];
        printed.length = 0;
        expect(await runOpsCli(args, context)).toBe(0);
        expect(printed.join('\n')).toContain('This was a preview');
        expect((await db.pool.query('SELECT 1 FROM companies WHERE org_id = $1', [orgId])).rowCount).toBe(0);
        printed.length = 0;
        expect(await runOpsCli([...args, '--apply', '--key', 'initech-1'], context)).toBe(0);
        expect(printed.join('\n')).toContain('→ 201');
        const account = await db.pool.query<{ id: string }>(
            'SELECT id FROM billing_accounts WHERE org_id = $1',
            [orgId]
        );
        expect(account.rowCount).toBe(1);
        printed.length = 0;
        const bad = await runOpsCli(
            [
                'charge',
                'add',
                '--org-id',
                orgId,
                '--account-id',
                account.rows[0]!.id,
                '--reason',
                'r',
                '--product',
                'TRAINING',
                '--description',
                'd',
                '--unit-price',
                'ten',
                '--billing',
                'now'
            ],
            context
        );
        expect(bad).toBe(2);
        expect(printed.join('\n')).toContain('--unit-price must be a dollar amount');
    });
});
