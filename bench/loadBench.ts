import { spawn } from 'node:child_process';
import { createPrivateKey, randomUUID, sign, type KeyObject } from 'node:crypto';
import path from 'node:path';
import autocannon, { type Result } from 'autocannon';
import { exportPKCS8 } from 'jose';
import { addTestCard } from '../service/src/funding/testing';
import { verifyLedger } from '../service/src/ledger/verifyLedger';
import { TERMS_VERSION } from '../service/src/kernel/terms';
import { createLocalProcessor } from '../service/src/payments/localProcessor';
import { saveOrgRegistration } from '../service/src/salesforce/orgRegistrationRepository';
import { createTestSigner } from '../service/src/salesforce/testTokens';
import type { TestDatabase } from '../service/src/testing/testDatabase';
import { makeAccount, TEST_NOW, type TestAccount } from '../service/src/testing/factories';

const AUDIENCE = 'https://billing.powerdialer.bench';
const ACCOUNTS = 20;
const AUTHORIZATION = { firstName: 'Bench', lastName: 'Admin', termsVersion: TERMS_VERSION, accepted: true };

/** RS256 tokens shaped like the External Credential's, signed ahead of the run (the client's cost stays out of it). */
class TokenFeed {
    private readonly tokens = new Map<string, string[]>();
    constructor(private readonly key: KeyObject) {}

    /** Signs `count` tokens, spread over the accounts' admins. */
    fill(accounts: readonly TestAccount[], count: number): void {
        const now = Math.floor(Date.now() / 1000);
        for (let index = 0; index < count; index++) {
            const account = accounts[index % accounts.length];
            if (account === undefined) return;
            const list = this.tokens.get(account.accountId) ?? [];
            list.push(this.signFor(account, now));
            this.tokens.set(account.accountId, list);
        }
    }

    /** The next unused token of this account's admin (the service refuses a replayed jti); signed now if none is left. */
    next(account: TestAccount): string {
        return (
            this.tokens.get(account.accountId)?.pop() ?? this.signFor(account, Math.floor(Date.now() / 1000))
        );
    }

    private signFor(account: TestAccount, now: number): string {
        const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
        const body = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode({
            iss: account.orgId,
            sub: account.admin.id,
            aud: AUDIENCE,
            iat: now,
            nbf: now,
            exp: now + 540,
            jti: randomUUID()
        })}`;
        return `${body}.${sign('sha256', Buffer.from(body), this.key).toString('base64url')}`;
    }
}

/** A token feed keyed to the accounts' orgs, and the "who is calling" of each request (org from the token). */
interface Mix {
    accounts: TestAccount[];
    tokens: TokenFeed;
}

type Kind = 'reads' | 'changes' | 'me' | 'toggles';

let sequence = 0;
const toggles = new Map<string, boolean>();

function requestOf(
    mix: Mix,
    kind: Kind
): { method: 'GET' | 'POST' | 'PUT'; path: string; headers: Record<string, string>; body?: string } {
    const n = sequence++;
    const account = mix.accounts[n % mix.accounts.length];
    if (account === undefined) throw new Error('the bench has no accounts');
    const headers: Record<string, string> = { authorization: `Bearer ${mix.tokens.next(account)}` };
    const base = `/api/v1/accounts/${account.accountId}`;
    if (kind === 'me') return { method: 'GET', path: '/api/v1/me', headers };
    if (kind === 'reads') {
        const paths = [`${base}/minutes`, '/api/v1/summary', `${base}/licenses`];
        return { method: 'GET', path: paths[n % paths.length] ?? '/api/v1/summary', headers };
    }
    headers['content-type'] = 'application/json';
    headers['idempotency-key'] = `bench-${process.pid}-${n}`;
    if (kind === 'changes' && n % 2 === 0) {
        return {
            method: 'POST',
            path: `${base}/minutes/purchases`,
            headers,
            body: JSON.stringify({ amountCents: 10_000, authorization: AUTHORIZATION })
        };
    }
    const enabled = !(toggles.get(account.accountId) ?? false);
    toggles.set(account.accountId, enabled);
    return {
        method: 'PUT',
        path: `${base}/minutes/recharge`,
        headers,
        body: JSON.stringify({ enabled, authorization: AUTHORIZATION })
    };
}

function fire(
    url: string,
    mix: Mix,
    kind: Kind,
    options: { connections: number; durationS: number; overallRate?: number }
): Promise<Result> {
    return new Promise((resolve, reject) => {
        autocannon(
            {
                url,
                connections: options.connections,
                duration: options.durationS,
                ...(options.overallRate === undefined ? {} : { overallRate: options.overallRate }),
                timeout: 30,
                requests: [{ setupRequest: (request) => ({ ...request, ...requestOf(mix, kind) }) }]
            },
            (error, result) => {
                if (error === null || error === undefined) resolve(result);
                else reject(error instanceof Error ? error : new Error(String(error)));
            }
        );
    });
}

function line(label: string, result: Result): string {
    const count = result.requests.total;
    // Which 5xx: 503 is the bounded waits' overload answer (service_busy, Retry-After), anything else a bug.
    const byCode = Object.entries(result.statusCodeStats ?? {})
        .filter(([code]) => code.startsWith('5'))
        .map(([code, { count: n = 0 }]) => `${code}×${n}`)
        .join(' ');
    const fivexx = byCode === '' ? String(result['5xx']) : `${result['5xx']} (${byCode})`;
    return `  ${label.padEnd(34)} ${String(count).padStart(6)} req  ${(count / result.duration).toFixed(0).padStart(5)} req/s  p50 ${String(result.latency.p50).padStart(5)} ms  p99 ${String(result.latency.p99).padStart(5)} ms  2xx ${result['2xx']}  4xx ${result['4xx']}  5xx ${fivexx}  errors ${result.errors}  timeouts ${result.timeouts}`;
}

/** Starts bench/loadServer.ts in its own process on the bench schema; resolves its URL. */
function startServer(db: TestDatabase): Promise<{ url: string; stop: () => Promise<void> }> {
    const root = path.resolve(__dirname, '..');
    // BENCH_CPU_PROFILE=<folder>: the server writes a V8 CPU profile there when it stops.
    const profile = process.env.BENCH_CPU_PROFILE;
    const child = spawn(
        process.execPath,
        [
            '--import',
            'tsx',
            ...(profile === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profile}`]),
            'bench/loadServer.ts'
        ],
        {
            cwd: root,
            env: { ...process.env, BENCH_DATABASE_URL: db.databaseUrl, BENCH_SCHEMA: db.schema },
            stdio: ['ignore', 'pipe', 'inherit']
        }
    );
    return new Promise((resolve, reject) => {
        let output = '';
        child.once('exit', (code) => {
            reject(new Error(`the bench server exited (${code}): ${output}`));
        });
        child.stdout.on('data', (chunk: Buffer) => {
            output += chunk.toString();
            const match = /LISTENING (\S+)/.exec(output);
            if (match?.[1] === undefined) return;
            resolve({
                url: match[1],
                stop: () =>
                    new Promise((done) => {
                        child.removeAllListeners('exit');
                        child.once('exit', () => {
                            done();
                        });
                        child.kill('SIGTERM');
                    })
            });
        });
    });
}

/**
 * (e) Issue 9, the service under load over real sockets with real signed tokens (RS256, one use
 * each): 20 accounts, reads (minutes, summary, licenses) and audited changes (minute purchases
 * through the local processor, recharge toggles). (a) closed loop, 160 + 40 concurrent clients;
 * (b) open loop at a fixed 400 + 100 requests/s; (c) the cheapest authenticated GET against an
 * audited change, closed loop, for the ratio. BENCH_LOAD_SECONDS (default 30) per phase of (a), (b).
 */
export async function benchLoad(db: TestDatabase): Promise<void> {
    const durationS = Number(process.env.BENCH_LOAD_SECONDS ?? '30');
    const signer = await createTestSigner();
    const key = createPrivateKey(await exportPKCS8(signer.privateKey));
    const processor = createLocalProcessor(db.pool);
    const accounts: TestAccount[] = [];
    for (let index = 0; index < ACCOUNTS; index++) {
        const account = await makeAccount(db.pool, { users: 5 });
        await addTestCard(db.pool, processor, account.accountId, TEST_NOW);
        await saveOrgRegistration(
            db.pool,
            {
                orgId: account.orgId,
                publicKeyPem: signer.publicKeyPem,
                jwks: undefined,
                audience: AUDIENCE,
                instanceUrl: 'http://127.0.0.1/bench',
                refreshTokenEncrypted: undefined
            },
            new Date()
        );
        accounts.push(account);
    }
    const mix: Mix = { accounts, tokens: new TokenFeed(key) };
    const server = await startServer(db);
    try {
        console.log(
            `\n(e) issue 9 load: ${ACCOUNTS} accounts, real sockets, RS256 tokens (one use each), pool DB_POOL_SIZE=${process.env.DB_POOL_SIZE ?? '10'}, pino at ${process.env.LOG_LEVEL ?? 'info'}`
        );
        mix.tokens.fill(accounts, 300 * durationS);
        const warm = await fire(server.url, mix, 'reads', { connections: 10, durationS: 2 });
        console.log(line('warm-up reads', warm));
        console.log(`(a) closed loop, 200 clients (160 reading, 40 changing), ${durationS} s`);
        const [reads, changes] = await Promise.all([
            fire(server.url, mix, 'reads', { connections: 160, durationS }),
            fire(server.url, mix, 'changes', { connections: 40, durationS })
        ]);
        console.log(line('reads', reads));
        console.log(line('audited changes', changes));
        const total = reads.requests.total + changes.requests.total;
        console.log(
            `  all: ${(total / durationS).toFixed(0)} req/s, 5xx ${reads['5xx'] + changes['5xx']}, ledger check: ${(await verifyLedger(db.pool)).length === 0 ? 'balanced' : 'PROBLEMS'}`
        );
        mix.tokens.fill(accounts, 500 * durationS + 1000);
        console.log(`(b) open loop, 500 requests/s offered (400 reads, 100 changes), ${durationS} s`);
        const [openReads, openChanges] = await Promise.all([
            fire(server.url, mix, 'reads', { connections: 80, durationS, overallRate: 400 }),
            fire(server.url, mix, 'changes', { connections: 40, durationS, overallRate: 100 })
        ]);
        console.log(line('reads @400/s', openReads));
        console.log(line('audited changes @100/s', openChanges));
        mix.tokens.fill(accounts, 40 * 600);
        const ratioS = Math.max(5, Math.round(durationS / 3));
        const me = await fire(server.url, mix, 'me', { connections: 50, durationS: ratioS });
        const toggled = await fire(server.url, mix, 'toggles', { connections: 50, durationS: ratioS });
        console.log(`(c) closed loop, 50 clients, ${ratioS} s each`);
        console.log(line('GET /api/v1/me', me));
        console.log(line('PUT minutes/recharge (audited)', toggled));
        console.log(
            `  audited change / authenticated GET: ${(toggled.requests.total / me.requests.total).toFixed(2)}`
        );
        const problems = await verifyLedger(db.pool);
        const pending = await db.pool.query("SELECT 1 FROM sales_transactions WHERE status = 'pending'");
        console.log(
            `  after the run: ledger ${problems.length === 0 ? 'balanced' : JSON.stringify(problems)}, pending charges ${pending.rowCount}`
        );
    } finally {
        await server.stop();
    }
}
