import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../testing/buildTestApp';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase';
import { makeAccount, type TestAccount } from '../testing/factories';
import { makeRuntimeKey, movableClock } from '../testing/runtimeClient';
import { startServiceProcess } from '../testing/runtimeServerProcess';

const POOL = 25;
const CLIENTS = 300;

jest.setTimeout(180_000);

/**
 * R2.3, R10.2: hundreds of dialer requests at once, over real HTTP, on one service process and on
 * two processes sharing the database: exactly POOL seats are granted, never one more.
 */
describe('a pool is never over-granted (R10.2)', () => {
    let db: TestDatabase;
    let acme: TestAccount;
    let headers: Record<string, string>;
    beforeAll(async () => {
        db = await createTestDatabase();
        acme = await makeAccount(db.pool, {
            users: CLIENTS,
            licenses: {
                CRM: { quantity: CLIENTS, assignedTo: CLIENTS },
                DIALER_TAB: { quantity: CLIENTS, assignedTo: CLIENTS },
                DIALER: { quantity: POOL, assignedTo: CLIENTS }
            }
        });
        headers = { ...(await makeRuntimeKey(db.pool)).headers, 'content-type': 'application/json' };
    });
    afterAll(async () => {
        await db.cleanup();
    });

    const post = async (base: string, path: string, body: object) => {
        const response = await fetch(`${base}/runtime/v1${path}`, {
            method: 'POST',
            headers,
            body: JSON.stringify(body)
        });
        return {
            status: response.status,
            body: (await response.json()) as { code?: string; leaseId?: string }
        };
    };
    /** Every user asks for a Dialer seat at once, spread over the given servers. */
    const acquireAll = (bases: readonly string[]) =>
        Promise.all(
            acme.users.map((user, index) =>
                post(bases[index % bases.length]!, '/seats/acquire', {
                    orgId: acme.orgId,
                    userId: user.id,
                    license: 'DIALER',
                    leaseId: randomUUID()
                }).then((answer) => ({ ...answer, userId: user.id }))
            )
        );
    const live = async () =>
        (
            await db.pool.query<{ n: number }>(
                `SELECT count(*)::int AS n FROM runtime_leases WHERE billing_account_id = $1 AND released_at IS NULL
                 AND expires_at > '2026-11-22T15:00:00Z'`,
                [acme.accountId]
            )
        ).rows[0]!.n;
    const tally = (answers: { status: number; body: { code?: string } }[]) => ({
        granted: answers.filter((answer) => answer.status === 200).length,
        exhausted: answers.filter((answer) => answer.body.code === 'pool_exhausted').length
    });

    it(`one process: ${CLIENTS} parallel acquires → exactly ${POOL} grants; releases and expiry bring it back to 0`, async () => {
        const clock = movableClock();
        const app: FastifyInstance = await buildTestApp(db.pool, { clock });
        const base = await app.listen({ port: 0, host: '127.0.0.1' });
        try {
            const answers = await acquireAll([base]);
            expect(tally(answers)).toEqual({ granted: POOL, exhausted: CLIENTS - POOL });
            expect(await live()).toBe(POOL);
            const granted = answers.filter((answer) => answer.status === 200);
            const released = await Promise.all(
                granted.map((answer) =>
                    post(base, `/leases/${answer.body.leaseId!}/release`, {
                        orgId: acme.orgId,
                        userId: answer.userId
                    })
                )
            );
            expect(released.every((answer) => answer.status === 200)).toBe(true);
            expect(await live()).toBe(0);
            expect(tally(await acquireAll([base]))).toEqual({ granted: POOL, exhausted: CLIENTS - POOL });
            clock.advance(61);
            const afterExpiry = await acquireAll([base]);
            expect(tally(afterExpiry)).toEqual({ granted: POOL, exhausted: CLIENTS - POOL });
            clock.advance(61);
            const licenses = await db.pool.query<{ n: number }>(
                `SELECT count(*)::int AS n FROM runtime_leases WHERE billing_account_id = $1 AND released_at IS NULL AND expires_at > $2`,
                [acme.accountId, clock.now()]
            );
            expect(licenses.rows[0]!.n).toBe(0);
        } finally {
            await app.close();
        }
        await db.pool.query(`UPDATE runtime_leases SET released_at = expires_at WHERE released_at IS NULL`);
    });

    it(`two service processes on one database: ${CLIENTS} parallel acquires → exactly ${POOL} grants`, async () => {
        const servers = await Promise.all([0, 1].map(() => startServiceProcess(db)));
        try {
            const bases = servers.map((server) => server.url);
            const answers = await acquireAll(bases);
            expect(tally(answers)).toEqual({ granted: POOL, exhausted: CLIENTS - POOL });
            expect(await live()).toBe(POOL);
            const granted = answers.filter((answer) => answer.status === 200);
            await Promise.all(
                granted.map((answer, index) =>
                    post(bases[index % 2]!, `/leases/${answer.body.leaseId!}/release`, {
                        orgId: acme.orgId,
                        userId: answer.userId
                    })
                )
            );
            expect(await live()).toBe(0);
        } finally {
            await Promise.all(servers.map((server) => server.stop()));
        }
    });
});
