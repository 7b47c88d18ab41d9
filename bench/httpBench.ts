import type { Pool } from '../service/src/db/pool';
import { createLogger } from '../service/src/kernel/logger';
import { AUTHORIZATION, as, buildTestApp } from '../service/src/testing/buildTestApp';
import { makeAccount } from '../service/src/testing/factories';
import { measureAsync, printComparison } from './measure';

/**
 * (b) An audited, idempotent mutation through the whole HTTP stack (app.inject: routing, zod,
 * caller lookup, Idempotency-Key, account lock, assignment rules, audit row, stored answer) against
 * the cheapest authenticated GET (/api/v1/me). Each worker has its own account and toggles one
 * user's CRM seat, so every request is a real change.
 */
export async function benchHttp(
    pool: Pool,
    options: { durationMs: number; concurrency: number }
): Promise<void> {
    const app = await buildTestApp(pool, { logger: createLogger({ level: 'warn' }) });
    const accounts = await Promise.all(
        Array.from({ length: options.concurrency }, () =>
            makeAccount(pool, { users: 5, licenses: { CRM: { quantity: 5, assignedTo: 4 } } })
        )
    );
    const run = Date.now().toString(36);
    const accountOf = (worker: number) => {
        const account = accounts[worker];
        if (account === undefined) throw new Error(`no account for worker ${worker}`);
        return account;
    };
    const baseline = await measureAsync(options, async (worker) => {
        const account = accountOf(worker);
        const response = await app.inject({
            url: '/api/v1/me',
            headers: as({ orgId: account.orgId, userId: account.admin.id })
        });
        if (response.statusCode !== 200) throw new Error(`GET /me answered ${response.statusCode}`);
    });
    const toggles = new Map<number, boolean>();
    const subject = await measureAsync(options, async (worker, iteration) => {
        const account = accountOf(worker);
        const assigned = !(toggles.get(worker) ?? false);
        toggles.set(worker, assigned);
        const response = await app.inject({
            method: 'POST',
            url: `/api/v1/accounts/${account.accountId}/assignments`,
            headers: as({ orgId: account.orgId, userId: account.admin.id }, `bench-${run}-${iteration}`),
            payload: {
                changes: [{ userId: account.users[4]?.id ?? '', license: 'CRM', assigned }],
                authorization: AUTHORIZATION
            }
        });
        if (response.statusCode !== 200)
            throw new Error(`POST assignments answered ${response.statusCode}: ${response.body}`);
    });
    await app.close();
    printComparison(
        '(b) audited idempotent HTTP mutation vs authenticated GET (app.inject, no sockets)',
        `concurrency ${options.concurrency} (one account per worker); ${options.durationMs / 1000} s per side; local header authenticator`,
        { label: 'GET /api/v1/me', measurement: baseline },
        { label: 'POST /accounts/:id/assignments (key, lock, rules, audit)', measurement: subject },
        'req'
    );
}
