import { createHash, randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { createLogger } from '../kernel/logger';
import { hashRequest } from '../mutations/runMutation';
import { AUTHORIZATION, as, buildTestApp } from '../testing/buildTestApp';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase';
import { makeAccount, type TestAccount } from '../testing/factories';
import { createLocalProcessor } from './localProcessor';

// Valid Luhn numbers used nowhere else; a test card number, so not a real one.
const CARD_NUMBER = '4111111111111111';
const CARD_SPACED = '4111 1111 1111 1111';
const BANK_ACCOUNT = '000987654321';
const CVC = '9173';
const SERVICE_SECRET = randomBytes(32).toString('base64');

describe('R7.2 full card and account numbers and security codes never reach the database or the logs', () => {
    let db: TestDatabase;
    let app: FastifyInstance;
    let account: TestAccount;
    const logLines: string[] = [];
    let key = 0;
    beforeAll(async () => {
        db = await createTestDatabase();
        const destination = new Writable({
            write(chunk: Buffer, _encoding, callback) {
                logLines.push(chunk.toString());
                callback();
            }
        });
        app = await buildTestApp(db.pool, {
            serviceSecret: SERVICE_SECRET,
            processor: createLocalProcessor(db.pool),
            logger: createLogger({ level: 'debug', destination })
        });
        account = await makeAccount(db.pool);
    });
    afterAll(async () => {
        await app.close();
        await db.cleanup();
    });

    function post(path: string, payload: unknown) {
        key++;
        return app.inject({
            method: 'POST',
            url: `/api/v1/accounts/${account.accountId}${path}`,
            headers: as({ orgId: account.orgId, userId: account.admin.id }, `secret-${key}`),
            payload: payload as Record<string, unknown>
        });
    }
    const card = (overrides: Record<string, unknown> = {}) => ({
        authorization: AUTHORIZATION,
        source: {
            kind: 'card',
            number: CARD_SPACED,
            expMonth: 12,
            expYear: 2031,
            cvc: CVC,
            holderFirstName: 'Ada',
            holderLastName: 'Lovelace',
            ...overrides
        }
    });

    it('puts the numbers through every path, then finds them in no table and no log line', async () => {
        // Failed adds: expired, bad holder name, wrong types (the zod refusal), bad routing number.
        expect((await post('/funding-sources', card({ expYear: 2020 }))).statusCode).toBe(400);
        expect((await post('/funding-sources', card({ holderLastName: '' }))).statusCode).toBe(400);
        expect((await post('/funding-sources', card({ expMonth: 'December' }))).statusCode).toBe(400);
        expect((await post('/funding-sources', { source: card().source })).statusCode).toBe(400);
        const badBank = {
            authorization: AUTHORIZATION,
            source: {
                kind: 'bank_account',
                routingNumber: '110000001',
                accountNumber: BANK_ACCOUNT,
                accountType: 'checking',
                holderFirstName: 'A',
                holderLastName: 'B'
            }
        };
        expect((await post('/funding-sources', badBank)).statusCode).toBe(400);
        // Successful adds, a retry of one (idempotent replay), and charges on the card.
        const added = await post('/funding-sources', card());
        expect(added.statusCode).toBe(201);
        const bank = await post('/funding-sources', {
            ...badBank,
            source: { ...badBank.source, routingNumber: '110000000' }
        });
        expect(bank.statusCode).toBe(201);
        const replay = await app.inject({
            method: 'POST',
            url: `/api/v1/accounts/${account.accountId}/funding-sources`,
            headers: as({ orgId: account.orgId, userId: account.admin.id }, 'secret-6'),
            payload: card()
        });
        expect(replay.headers['idempotent-replayed']).toBe('true');
        expect(
            (await post('/minutes/purchases', { authorization: AUTHORIZATION, amountCents: 10000 }))
                .statusCode
        ).toBe(201);
        const declinedCard = await post('/funding-sources', card({ number: '4000000000000002' }));
        expect(declinedCard.statusCode).toBe(201);

        const everything = await everyRowAsText(db);
        expect(everything.length).toBeGreaterThan(10);
        const logs = logLines.join('');
        // The capture works: every request was logged (at debug level, nothing is filtered out).
        expect(logLines.filter((line) => line.includes('"msg":"incoming request"'))).toHaveLength(key + 1);
        for (const secret of [CARD_NUMBER, CARD_SPACED, BANK_ACCOUNT, `"cvc":"${CVC}"`, `"${CVC}"`]) {
            expect(everything.filter((row) => row.includes(secret))).toEqual([]);
            expect(logs).not.toContain(secret);
        }
        for (const body of [added.body, bank.body, replay.body]) {
            expect(body).not.toContain(CARD_NUMBER.slice(0, 12));
            expect(body).not.toContain(BANK_ACCOUNT.slice(0, 8));
        }
    });

    it('stores the idempotency hash keyed with the server secret: it names no card, yet another card under the key is refused', async () => {
        const first = await post('/funding-sources', card({ number: '4242424242424242' }));
        expect(first.statusCode).toBe(201);
        const sameKey = `secret-${key}`;
        const otherCard = await app.inject({
            method: 'POST',
            url: `/api/v1/accounts/${account.accountId}/funding-sources`,
            headers: as({ orgId: account.orgId, userId: account.admin.id }, sameKey),
            payload: card({ number: '5555555555554444' })
        });
        expect(otherCard.statusCode).toBe(409);
        expect(otherCard.json()).toMatchObject({ code: 'idempotency_key_reused' });
        const sources = await db.pool.query<{ last4: string }>(
            'SELECT last4 FROM funding_sources WHERE billing_account_id = $1',
            [account.accountId]
        );
        expect(sources.rows.map((row) => row.last4)).toContain('4242');
        expect(sources.rows.map((row) => row.last4)).not.toContain('4444');

        const stored = await db.pool.query<{ request_hash: string }>(
            'SELECT request_hash FROM idempotency_keys WHERE key = $1',
            [sameKey]
        );
        const request = {
            method: 'POST',
            route: '/api/v1/accounts/:accountId/funding-sources',
            params: { accountId: account.accountId },
            body: card({ number: '4242424242424242' })
        };
        // The stored hash is the HMAC under this server's secret; under any other key, or unkeyed
        // (what someone guessing the number from brand and last four would compute), it differs.
        expect(stored.rows[0]?.request_hash).toBe(hashRequest(SERVICE_SECRET, request));
        expect(stored.rows[0]?.request_hash).not.toBe(
            hashRequest(randomBytes(32).toString('base64'), request)
        );
        const unkeyed = createHash('sha256')
            .update(JSON.stringify([request.method, request.route, request.params, request.body]))
            .digest('hex');
        expect(stored.rows[0]?.request_hash).not.toBe(unkeyed);
    });
});

/** Every row of every table of the test schema, as JSON text (text, json and number columns alike). */
async function everyRowAsText(db: TestDatabase): Promise<string[]> {
    const tables = await db.pool.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'",
        [db.schema]
    );
    const rows: string[] = [];
    for (const { table_name: table } of tables.rows) {
        const result = await db.pool.query<{ row: string }>(
            `SELECT row_to_json(t)::text AS row FROM "${table}" t`
        );
        rows.push(...result.rows.map((row) => `${table}: ${row.row}`));
    }
    return rows;
}
