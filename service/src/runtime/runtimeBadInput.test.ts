import { randomUUID } from 'node:crypto';
import { verifyLedger } from '../ledger/verifyLedger';
import { concreteUrl, documentedRoutes } from '../testing/documentedRoutes';
import { makeAccount, TEST_NOW, type TestAccount } from '../testing/factories';
import { fuzzEndpoints, type FuzzRoute } from '../testing/fuzzEndpoints';
import { makeRuntimeKey, runtimePost } from '../testing/runtimeClient';
import { useTestApp } from '../testing/testDatabase';

jest.setTimeout(180_000);

describe('runtime API: every documented route answers generated requests with a 4xx, never a 5xx', () => {
    const t = useTestApp();
    let acme: TestAccount;
    let headers: Record<string, string>;
    let leaseId: string;
    beforeAll(async () => {
        acme = await makeAccount(t.db.pool, {
            users: 2,
            licenses: {
                CRM: { quantity: 2, assignedTo: 2 },
                DIALER_TAB: { quantity: 1, assignedTo: 2 },
                DIALER: { quantity: 1, assignedTo: 2 },
                FLEX_PORT: { quantity: 1, assignedTo: 1 }
            }
        });
        headers = (await makeRuntimeKey(t.db.pool)).headers;
        const lease = await runtimePost(t.app, headers, '/seats/acquire', {
            orgId: acme.orgId,
            userId: acme.users[0]!.id,
            license: 'DIALER',
            leaseId: randomUUID()
        });
        leaseId = lease.body.leaseId as string;
    });

    const routes = (base: Record<string, unknown>): FuzzRoute[] =>
        documentedRoutes(t.app, 'runtime').map((route) => ({
            method: route.method,
            url: concreteUrl(route, { leaseId }),
            fields: [...route.fields, 'id', 'kind', 'seconds', 'occurredAt'],
            query: route.query,
            base
        }));

    it('documents every runtime route', () => {
        expect(
            documentedRoutes(t.app, 'runtime')
                .map((route) => route.name)
                .sort()
        ).toEqual([
            'POST /runtime/v1/calls/authorize',
            'POST /runtime/v1/leases/{leaseId}/release',
            'POST /runtime/v1/leases/{leaseId}/renew',
            'POST /runtime/v1/licenses/check',
            'POST /runtime/v1/ports/acquire',
            'POST /runtime/v1/seats/acquire',
            'POST /runtime/v1/usage'
        ]);
    });

    it.each([
        ['with a valid key and anything in the body', () => ({})],
        [
            'with a valid key, the real org and user, and anything else',
            () => ({ orgId: acme.orgId, userId: acme.users[1]!.id })
        ],
        [
            'with a valid key and usage events of every shape',
            () => ({
                orgId: acme.orgId,
                events: [
                    {
                        id: 'x',
                        userId: acme.users[1]!.id,
                        kind: 'call',
                        seconds: 1,
                        occurredAt: TEST_NOW.toISOString()
                    },
                    7,
                    null,
                    { id: 5 }
                ]
            })
        ]
    ])('%s', async (_name, base) => {
        const failures = await fuzzEndpoints({ app: t.app, routes: routes(base()), headers, numRuns: 40 });
        expect(failures).toEqual([]);
    });

    it('answers without a key or with a malformed one with 401 on every route', async () => {
        for (const authorization of [
            undefined,
            'Bearer nope',
            'Basic Zm9vOmJhcg==',
            `Bearer pdrk_${'A'.repeat(43)}`
        ]) {
            const failures = await fuzzEndpoints({
                app: t.app,
                routes: routes({}),
                headers: authorization === undefined ? {} : { authorization },
                numRuns: 5
            });
            expect(failures).toEqual([]);
        }
        expect(await verifyLedger(t.db.pool)).toEqual([]);
    });
});
