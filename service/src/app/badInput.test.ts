import type { FundingSource } from '../funding/fundingSourceRepository';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createOutboxMailer } from '../receipts/outboxMailer';
import { addTestCard } from '../funding/testing';
import { verifyLedger } from '../ledger/verifyLedger';
import { seedMoney } from '../seed/seedMoney';
import { fixedClock } from '../kernel/clock';
import { createLocalProcessor } from '../payments/localProcessor';
import { as, AUTHORIZATION } from '../testing/buildTestApp';
import { makeAccount, TEST_NOW, type TestAccount } from '../testing/factories';
import { concreteUrl, documentedRoutes } from '../testing/documentedRoutes';
import { fuzzEndpoints, type FuzzRoute } from '../testing/fuzzEndpoints';
import { snapshotDatabase } from '../testing/snapshotDatabase';
import { useTestApp } from '../testing/testDatabase';

const OUTBOX = path.join(tmpdir(), `bad-input-outbox-${process.pid}`);

describe('bad input: 4xx with a code, never a 5xx, nothing changed', () => {
    const t = useTestApp((pool) => ({
        processor: createLocalProcessor(pool),
        mailer: createOutboxMailer(OUTBOX)
    }));
    let acme: TestAccount;
    let card: FundingSource;
    let transactionNumber: string;
    beforeAll(async () => {
        acme = await makeAccount(t.db.pool, {
            users: 4,
            licenses: {
                CRM: { quantity: 4, floor: 2, assignedTo: 3 },
                DIALER_TAB: { quantity: 2 },
                DIALER: { quantity: 1 }
            }
        });
        card = await addTestCard(t.db.pool, createLocalProcessor(t.db.pool), acme.accountId, TEST_NOW);
        await seedMoney(t.db.pool, acme.accountId, fixedClock(TEST_NOW));
        const listed = await t.app.inject({ url: `${account()}/transactions`, headers: headers() });
        transactionNumber = listed.json<{ transactions: { number: string }[] }>().transactions[0]!.number;
    });
    afterAll(async () => {
        await rm(OUTBOX, { recursive: true, force: true });
    });
    const headers = () => as({ orgId: acme.orgId, userId: acme.admin.id });
    const account = () => `/api/v1/accounts/${acme.accountId}`;

    it.each([
        [
            'a wrong type',
            { quantities: { CRM: 'seven' }, authorization: AUTHORIZATION },
            400,
            'invalid_request'
        ],
        ['a fraction', { quantities: { CRM: 4.5 }, authorization: AUTHORIZATION }, 400, 'invalid_request'],
        [
            'a negative quantity',
            { quantities: { CRM: -1 }, authorization: AUTHORIZATION },
            400,
            'invalid_request'
        ],
        [
            'an unknown license',
            { quantities: { GOLD: 1 }, authorization: AUTHORIZATION },
            400,
            'invalid_request'
        ],
        ['an array body', [1, 2], 400, 'invalid_request']
    ])('answers %s with 4xx and a code', async (_name, payload, status, code) => {
        const before = await snapshotDatabase(t.db.pool);
        const response = await t.app.inject({
            method: 'POST',
            url: `${account()}/quantities`,
            headers: { ...headers(), 'idempotency-key': 'bad-input' },
            payload
        });
        expect(response.statusCode).toBe(status);
        expect(response.json()).toMatchObject({ code, message: expect.any(String) as unknown });
        expect(await snapshotDatabase(t.db.pool)).toEqual(before);
    });

    it('answers malformed JSON, an oversized body and a text body with 4xx codes', async () => {
        const post = (payload: string, contentType = 'application/json') =>
            t.app.inject({
                method: 'POST',
                url: `${account()}/quantities`,
                headers: { ...headers(), 'idempotency-key': 'framing', 'content-type': contentType },
                payload
            });
        expect((await post('{"quantities": {')).json()).toMatchObject({ code: 'malformed_json' });
        const huge = await post(JSON.stringify({ quantities: { CRM: 5 }, padding: 'x'.repeat(200_000) }));
        expect([huge.statusCode, huge.json<{ code: string }>().code]).toEqual([413, 'payload_too_large']);
        const text = await post('CRM=5', 'text/plain');
        // Plain text is parsed as a string, which is not the object the route expects.
        expect([text.statusCode, text.json<{ code: string }>().code]).toEqual([400, 'invalid_request']);
    });

    it('never answers a generated request to any documented route with a 5xx (fast-check)', async () => {
        const ids = {
            accountId: acme.accountId,
            fundingSourceId: card.id,
            number: transactionNumber
        };
        const documented = documentedRoutes(t.app);
        expect(documented.length).toBeGreaterThanOrEqual(30);
        const routes: FuzzRoute[] = documented.map((route) => ({
            method: route.method,
            url: concreteUrl(route, ids),
            fields: route.fields,
            query: route.query
        }));
        const failures = await fuzzEndpoints({ app: t.app, routes, headers: headers(), numRuns: 25 });
        expect(failures).toEqual([]);
        expect(await verifyLedger(t.db.pool)).toEqual([]);
    });
});
