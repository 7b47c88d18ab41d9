import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createPool, type Pool } from '../service/src/db/pool';
import { withTransaction } from '../service/src/db/withTransaction';
import { minutesBalance } from '../service/src/minutes/minutesBalance';
import { releaseOpenLease, renewLiveLease, takeLease } from '../service/src/runtime/leaseRepository';
import { seatRequires } from '../service/src/runtime/acquireSeat';
import { insertNewEvents } from '../service/src/runtime/usageRepository';
import type { TestDatabase } from '../service/src/testing/testDatabase';
import { makeAccount, TEST_NOW, type TestAccount } from '../service/src/testing/factories';
import { makeRuntimeKey } from '../service/src/testing/runtimeClient';
import { startServiceProcess } from '../service/src/testing/runtimeServerProcess';
import { jsonClient, percentile } from './httpClient';
import { measureAsync } from './measure';

const TTL = 60;
const OPS = ['acquire', 'renew', 'release'] as const;
type Op = (typeof OPS)[number];

interface Side {
    perSecond: number;
    latencies: Record<Op, number[]>;
}

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function at<T>(list: readonly T[], index: number): T {
    const item = list[index];
    if (item === undefined) throw new Error(`no item ${index}`);
    return item;
}

/** Each worker is one dialer user: acquire a Dialer seat, renew it, release it, again and again. */
async function leaseCycles(
    options: { durationMs: number; concurrency: number },
    run: (worker: number, op: Op, leaseId: string) => Promise<void>
): Promise<Side> {
    const latencies: Record<Op, number[]> = { acquire: [], renew: [], release: [] };
    const timed = async (worker: number, op: Op, leaseId: string) => {
        const started = performance.now();
        await run(worker, op, leaseId);
        latencies[op].push(performance.now() - started);
    };
    const measured = await measureAsync(options, async (worker) => {
        const leaseId = randomUUID();
        for (const op of OPS) await timed(worker, op, leaseId);
    });
    return { perSecond: measured.perSecond * OPS.length, latencies };
}

function printLeaseSides(raw: Side, http: Side, concurrency: number): void {
    console.log(
        `\n(e) runtime leases: acquire → renew → release, ${concurrency} concurrent dialer users (20 accounts, a Dialer pool of 10 each)`
    );
    const line = (name: string, side: Side) => {
        const ops = OPS.map(
            (op) =>
                `${op} p50 ${percentile(side.latencies[op], 50).toFixed(1)} / p99 ${percentile(side.latencies[op], 99).toFixed(1)} ms`
        ).join('; ');
        console.log(`    ${name.padEnd(9)}${number.format(side.perSecond).padStart(7)} req/s  ${ops}`);
    };
    line('raw SQL', raw);
    line('HTTP', http);
    console.log(
        `    ratio    HTTP/raw = ${(http.perSecond / raw.perSecond).toFixed(3)}  (target ≥ 0.5, p99 < 20 ms)`
    );
}

async function makeDialerAccounts(pool: Pool, count: number): Promise<TestAccount[]> {
    const accounts: TestAccount[] = [];
    for (let index = 0; index < count; index++) {
        accounts.push(
            await makeAccount(pool, {
                users: 10,
                licenses: {
                    CRM: { quantity: 10, assignedTo: 10 },
                    DIALER_TAB: { quantity: 10, assignedTo: 10 },
                    DIALER: { quantity: 10, assignedTo: 10 }
                }
            })
        );
    }
    return accounts;
}

/**
 * (e) and (f): the runtime API over real HTTP (a service in its own process, keep-alive sockets)
 * against the statements its routes run, executed by a plain pg pool loop at the same concurrency.
 */
export async function benchRuntime(db: TestDatabase, options: { durationMs: number }): Promise<void> {
    const concurrency = 200;
    const accounts = await makeDialerAccounts(db.pool, concurrency / 10);
    const users = accounts.flatMap((account) => account.users.map((user) => ({ account, user })));
    const key = await makeRuntimeKey(db.pool, 'bench');
    const server = await startServiceProcess(db);
    const client = jsonClient(server.url, key.headers, concurrency);
    // The same number of connections as the service process's pool.
    const rawPool = createPool({ connectionString: db.databaseUrl, schema: db.schema, max: 10 });
    try {
        const raw = await leaseCycles({ ...options, concurrency }, async (worker, op, leaseId) => {
            const { account, user } = at(users, worker);
            const caller = { leaseId, orgId: account.orgId, userId: user.id, now: TEST_NOW };
            if (op === 'acquire') {
                const row = await takeLease(rawPool, {
                    ...caller,
                    accountId: undefined,
                    purpose: 'seat',
                    required: seatRequires('DIALER'),
                    pools: ['DIALER'],
                    ttlSeconds: TTL
                });
                if (row.lease?.outcome !== 'granted') throw new Error(`raw acquire: ${JSON.stringify(row)}`);
            } else if (op === 'renew') await renewLiveLease(rawPool, { ...caller, ttlSeconds: TTL });
            else await releaseOpenLease(rawPool, caller);
        });
        const http = await leaseCycles({ ...options, concurrency }, async (worker, op, leaseId) => {
            const { account, user } = at(users, worker);
            const subject = { orgId: account.orgId, userId: user.id };
            const answer =
                op === 'acquire'
                    ? await client.post('/runtime/v1/seats/acquire', {
                          ...subject,
                          license: 'DIALER',
                          leaseId
                      })
                    : await client.post(`/runtime/v1/leases/${leaseId}/${op}`, subject);
            if (answer.status !== 200)
                throw new Error(`${op} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
        });
        printLeaseSides(raw, http, concurrency);
        await benchUsageIngestion(db, rawPool, client, options);
    } finally {
        await rawPool.end();
        client.close();
        await server.stop();
    }
}

const BATCH = 500;
const USAGE_CLIENTS = 4;

/** (f) usage batches of 500 events with their own ids over HTTP, then the exactly-once check. */
async function benchUsageIngestion(
    db: TestDatabase,
    rawPool: Pool,
    client: ReturnType<typeof jsonClient>,
    options: { durationMs: number }
): Promise<void> {
    const meters = () =>
        Promise.all(
            Array.from({ length: USAGE_CLIENTS }, () =>
                makeAccount(db.pool, { users: 5, licenses: { CRM: { quantity: 5, assignedTo: 5 } } })
            )
        );
    // The raw side writes to accounts of its own, so the exactly-once check counts the HTTP side only.
    const [rawAccounts, accounts] = [await meters(), await meters()];
    const run = randomUUID().slice(0, 8);
    const events = (account: TestAccount, batch: number) =>
        Array.from({ length: BATCH }, (_, index) => ({
            id: `${run}-${batch}-${index}`,
            userId: at(account.users, index % 5).id,
            kind: index % 5 === 4 ? 'sms' : 'call',
            seconds: index % 5 === 4 ? 0 : 30 + (index % 300),
            messages: index % 5 === 4 ? 1 : 0,
            occurredAt: TEST_NOW.toISOString()
        }));
    const baseline = await measureAsync({ ...options, concurrency: USAGE_CLIENTS }, (worker, iteration) =>
        withTransaction(rawPool, async (tx) => {
            const account = at(rawAccounts, worker);
            await insertNewEvents(tx, {
                accountId: account.accountId,
                transferId: `bench-raw-${run}-${iteration}`,
                events: events(account, -iteration - 1).map((event) => ({
                    id: event.id,
                    userId: event.userId,
                    occurredAt: TEST_NOW,
                    callSeconds: event.seconds,
                    smsCount: event.messages,
                    ratedCents: 0
                }))
            });
        })
    );
    const before = await Promise.all(accounts.map((account) => minutesBalance(db.pool, account.accountId)));
    const sent = accounts.map(() => 0);
    const resend = accounts.map(() => [] as ReturnType<typeof events>);
    const http = await measureAsync({ ...options, concurrency: USAGE_CLIENTS }, async (worker, iteration) => {
        const account = at(accounts, worker);
        const batch = events(account, iteration);
        const answer = await client.post('/runtime/v1/usage', { orgId: account.orgId, events: batch });
        const body = answer.body as { new: number; refused: unknown[] };
        if (answer.status !== 200 || body.new !== BATCH)
            throw new Error(`usage answered ${answer.status}: ${JSON.stringify(body).slice(0, 300)}`);
        sent[worker] = at(sent, worker) + BATCH;
        resend[worker] = batch;
    });
    const check = await exactlyOnce(db.pool, accounts, before, sent, resend, client);
    const rate = (perSecond: number) => number.format(perSecond * BATCH);
    console.log(
        `\n(f) usage ingestion: batches of ${BATCH} events with their own ids, ${USAGE_CLIENTS} concurrent meters (one account each)`
    );
    console.log(
        `    raw SQL  ${rate(baseline.perSecond).padStart(9)} events/s  the route's INSERT … ON CONFLICT DO NOTHING alone, one transaction per batch`
    );
    console.log(
        `    HTTP     ${rate(http.perSecond).padStart(9)} events/s  POST /runtime/v1/usage: parse, check each event, rate, insert, 1 ledger transfer  (target ≥ 40,000)`
    );
    console.log(`    ratio    HTTP/raw = ${(http.perSecond / baseline.perSecond).toFixed(3)}`);
    console.log(`    exactly once: ${check}`);
}

async function exactlyOnce(
    pool: Pool,
    accounts: TestAccount[],
    before: { balanceCents: number }[],
    sent: number[],
    resend: { id: string }[][],
    client: ReturnType<typeof jsonClient>
): Promise<string> {
    // Every meter sends its last batch again: it must count nothing.
    const again = await Promise.all(
        accounts.map((account, index) =>
            client.post('/runtime/v1/usage', { orgId: account.orgId, events: resend[index] })
        )
    );
    const problems: string[] = [];
    for (const [index, account] of accounts.entries()) {
        const stored = await pool.query<{ rows: number; cents: number }>(
            `SELECT count(*)::int AS rows, coalesce(sum(rated_cents), 0)::bigint AS cents FROM minute_usage WHERE billing_account_id = $1`,
            [account.accountId]
        );
        const row = at(stored.rows, 0);
        const after = await minutesBalance(pool, account.accountId);
        const resent = at(again, index).body as { new: number; duplicate: number };
        const moved = at(before, index).balanceCents - after.balanceCents;
        if (row.rows !== at(sent, index))
            problems.push(`account ${index}: ${row.rows} rows for ${at(sent, index)} events sent`);
        if (moved !== row.cents)
            problems.push(`account ${index}: balance moved ${moved}, events cost ${row.cents}`);
        if (resent.new !== 0) problems.push(`account ${index}: a resent batch counted ${resent.new} new`);
    }
    const total = sent.reduce((sum, count) => sum + count, 0);
    return problems.length === 0
        ? `${number.format(total)} events sent, ${number.format(total)} rows, balances debited exactly their cost, resent batches counted 0 new`
        : problems.join('; ');
}
