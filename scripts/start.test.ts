import { admin, portClosed, useServiceSandbox, waitForUrl } from './childService';
import { TERMS_VERSION } from '../service/src/kernel/terms';
import { DEMO_ORG_ID, DEMO_USERS } from '../service/src/seed/demoCompany';

jest.setTimeout(180_000);

describe('R1–R9 npm start: the printed URL walks the whole flow on its own database', () => {
    const sandbox = useServiceSandbox('start_test');
    const { databaseUrl } = sandbox;

    it('starts, answers every panel’s calls as the seeded admin, and stops cleanly on SIGTERM', async () => {
        const started = sandbox.start();
        const url = await waitForUrl(started);
        expect(url).toBe(`http://127.0.0.1:${sandbox.env().PORT}`);
        expect(started.output()).toContain('(seeded now)');
        await walkTheFlow(url);
        started.child.kill('SIGTERM');
        expect(await started.exited).toEqual({ code: 0, signal: null });
        expect(started.output()).not.toMatch(/error/i);
    });

    it('`npm start` prints the URL, and a second start keeps the seeded company instead of seeding again', async () => {
        const counts = () =>
            admin(databaseUrl, async (client) => {
                const result = await client.query<{ accounts: number; users: number; sources: number }>(
                    `SELECT (SELECT count(*)::int FROM billing_accounts WHERE org_id = $1) AS accounts,
                            (SELECT count(*)::int FROM directory_users WHERE org_id = $1) AS users,
                            (SELECT count(*)::int FROM funding_sources) AS sources`,
                    [DEMO_ORG_ID]
                );
                return result.rows[0];
            });
        const before = await counts();
        expect(before).toEqual({
            accounts: 1,
            users: DEMO_USERS.length,
            sources: expect.any(Number) as unknown
        });
        const started = sandbox.run('npm', ['start', '--silent']);
        const url = await waitForUrl(started);
        expect(url).toBe(`http://127.0.0.1:${sandbox.env().PORT}`);
        expect(started.output()).toContain('(kept from an earlier start)');
        expect((await fetch(`${url}/health`)).status).toBe(200);
        expect(await counts()).toEqual(before);
        // As a terminal's Ctrl-C does, the signal goes to the whole group (npm, tsx, the service);
        // npm ends by the signal itself, the service closes its port and its pool.
        process.kill(-(started.child.pid ?? 0), 'SIGTERM');
        const exit = await started.exited;
        expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
        expect(await portClosed(url)).toBe(true);
        expect(started.output()).not.toMatch(/error/i);
    });
});

interface Planned {
    plan: { chargeNow: number; monthlyRecurringTotal: number };
}

/** The curl session of the README and issue 3, with fetch: each step asserts what a person would check. */
async function walkTheFlow(base: string): Promise<void> {
    const pat = DEMO_USERS[0]!;
    const rep = DEMO_USERS[14]!; // holds CRM only
    const authorization = {
        firstName: 'Pat',
        lastName: 'Admin',
        termsVersion: TERMS_VERSION,
        accepted: true
    };
    let keys = 0;
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the answer's shape
    async function call<T = Record<string, unknown>>(
        method: string,
        route: string,
        body?: object
    ): Promise<{ status: number; json: T }> {
        const token = await fetch(`${base}/dev/token`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ userId: pat.id })
        });
        expect(token.status).toBe(200);
        const headers: Record<string, string> = {
            authorization: `Bearer ${((await token.json()) as { token: string }).token}`
        };
        if (body !== undefined) headers['content-type'] = 'application/json';
        if (body !== undefined && 'authorization' in body)
            headers['idempotency-key'] = `start-test-${++keys}`;
        const response = await fetch(`${base}${route}`, {
            method,
            headers,
            ...(body === undefined ? {} : { body: JSON.stringify(body) })
        });
        const type = response.headers.get('content-type') ?? '';
        return {
            status: response.status,
            json: (type.includes('json')
                ? await response.json()
                : Buffer.from(await response.arrayBuffer())) as T
        };
    }

    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await call('GET', '/api/v1/me')).json).toMatchObject({ userId: pat.id, isAdmin: true });
    const terms = await call<{ version: string }>('GET', '/api/v1/terms');
    expect(terms.json.version).toBe(TERMS_VERSION);
    const summary = await call<{ accounts: { id: string }[] }>('GET', '/api/v1/summary');
    const accountId = summary.json.accounts[0]?.id;
    const account = `/api/v1/accounts/${accountId}`;

    const licenses = await call<{ licenses: unknown[] }>('GET', `${account}/licenses`);
    expect(licenses.json.licenses).toContainEqual(expect.objectContaining({ code: 'CRM', purchased: 18 }));

    // R2.4: a dialer seat without the dialer tab is refused, naming what is missing; nothing changes.
    const refused = await call('POST', `${account}/assignments`, {
        changes: [{ userId: rep.id, license: 'DIALER', assigned: true }],
        authorization
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(JSON.stringify(refused.json)).toContain('missing_prerequisite');

    // R3: one more dialer tab, previewed (prorated charge shown), then applied.
    const preview = await call<Planned>('POST', `${account}/quantities/preview`, {
        quantities: { DIALER_TAB: 13 }
    });
    expect(preview.status).toBe(200);
    expect(preview.json.plan.chargeNow).toBeGreaterThan(0);
    const { chargeNow, monthlyRecurringTotal } = preview.json.plan;
    const applied = await call<Planned>('POST', `${account}/quantities`, {
        quantities: { DIALER_TAB: 13 },
        quote: { chargeNow, monthlyRecurringTotal },
        authorization
    });
    expect(applied.status).toBe(200);
    expect(applied.json.plan.chargeNow).toBe(preview.json.plan.chargeNow);
    const assigned = await call('POST', `${account}/assignments`, {
        changes: [{ userId: rep.id, license: 'DIALER_TAB', assigned: true }],
        authorization
    });
    expect(assigned.status).toBe(200);

    // R7: a new card, made primary.
    const card = await call<{ id: string }>('POST', `${account}/funding-sources`, {
        authorization,
        source: {
            kind: 'card',
            number: '4242 4242 4242 4242',
            expMonth: 12,
            expYear: 2031,
            cvc: '123',
            holderFirstName: 'Pat',
            holderLastName: 'Admin'
        }
    });
    expect(card.status).toBe(201);
    const primary = await call('POST', `${account}/funding-sources/${card.json.id}/make-primary`, {
        authorization
    });
    expect(primary.status).toBe(200);
    expect(JSON.stringify(primary.json)).toContain('4242');

    // R5: $100 of minutes, then recharge on after seeing its amount and threshold.
    const bought = await call('POST', `${account}/minutes/purchases`, { amountCents: 10000, authorization });
    expect(bought.status).toBe(201);
    const recharge = await call('GET', `${account}/minutes/recharge`);
    expect(recharge.status).toBe(200);
    const on = await call('PUT', `${account}/minutes/recharge`, { enabled: true, authorization });
    expect(on.status).toBe(200);

    // R8: transactions by kind, and a receipt as PDF.
    const minutes = await call<{ transactions: { number: string; totalCents: number; status: string }[] }>(
        'GET',
        `${account}/transactions?kind=minutes`
    );
    expect(minutes.status).toBe(200);
    const purchase = minutes.json.transactions.find(
        (transaction) => transaction.totalCents === 10000 && transaction.status === 'succeeded'
    );
    const pdf = await call<Buffer>(
        'GET',
        `${account}/transactions/${purchase?.number ?? 'none'}/receipt.pdf`
    );
    expect(pdf.status).toBe(200);
    expect(pdf.json.subarray(0, 5).toString()).toBe('%PDF-');

    // R4.3: what cancelling would cost, without cancelling.
    const cancellation = await call('POST', `${account}/cancellation/preview`, {});
    expect(cancellation.status).toBe(200);

    // R9.2: who authorised each change.
    const audit = await call<{ records: { action: string }[] }>('GET', `${account}/audit`);
    const actions = audit.json.records.map((record) => record.action);
    expect(actions.length).toBeGreaterThanOrEqual(6);
    for (const record of audit.json.records) {
        expect(record).toMatchObject({
            userId: pat.id,
            firstName: 'Pat',
            lastName: 'Admin',
            termsVersion: TERMS_VERSION
        });
    }
    expect(actions).toEqual(
        expect.arrayContaining(['licenses.quantities_changed', 'funding_source.make_primary'])
    );
}
