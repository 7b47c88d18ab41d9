import { TERMS_VERSION } from '../service/src/kernel/terms';
import { DEMO_USERS } from '../service/src/seed/demoCompany';
import { admin, useServiceSandbox, waitForUrl } from './childService';

jest.setTimeout(240_000);

const AUTHORIZATION = { firstName: 'Pat', lastName: 'Admin', termsVersion: TERMS_VERSION, accepted: true };

/** Calls the running service as the demo admin, with a fresh signed token (local issuer) each time. */
async function call(base: string, method: string, route: string, body?: object, key?: string) {
    const token = await fetch(`${base}/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: DEMO_USERS[0]!.id })
    });
    const headers: Record<string, string> = {
        authorization: `Bearer ${((await token.json()) as { token: string }).token}`
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (key !== undefined) headers['idempotency-key'] = key;
    const response = await fetch(`${base}${route}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) })
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
    for (let attempt = 0; attempt < 600; attempt++) {
        const value = await probe();
        if (value !== undefined) return value;
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
}

describe('issue 9: the service process under faults', () => {
    const sandbox = useServiceSandbox('faults_test');
    const { databaseUrl } = sandbox;
    let accountUrl: string;
    const start = async (extra: NodeJS.ProcessEnv) => {
        const started = sandbox.start(extra);
        return { started, url: await waitForUrl(started) };
    };
    const sql = <T>(text: string, values: unknown[] = []) =>
        admin(databaseUrl, async (client) => (await client.query(text, values)).rows as T[]);

    beforeAll(async () => {
        // A first start seeds the demo company and runs this window's jobs; it stops on SIGTERM.
        const { started, url } = await start({});
        const summary = await call(url, 'GET', '/api/v1/summary');
        accountUrl = `/api/v1/accounts/${(summary.json.accounts as { id: string }[])[0]!.id}`;
        started.child.kill('SIGTERM');
        expect(await started.exited).toEqual({ code: 0, signal: null });
    });
    it('a SIGKILL between "pending" and "settled" is repaired on restart: one charge, one record', async () => {
        // The processor takes the charge, then its answer is slow: the process dies before settling.
        const slow = await start({ LOCAL_PROCESSOR_ANSWER_DELAY_MS: '60000', PAYMENT_TIMEOUT_MS: '120000' });
        const purchase = call(
            slow.url,
            'POST',
            `${accountUrl}/minutes/purchases`,
            {
                amountCents: 10_000,
                authorization: AUTHORIZATION
            },
            'killed-purchase'
        ).catch(() => undefined);
        const charge = await until(async () => {
            const rows = await sql<{ id: string; processor_key: string }>(
                `SELECT t.id, t.processor_key FROM sales_transactions t
                 JOIN local_processor_charge c ON c.idempotency_key = t.processor_key
                 WHERE t.idempotency_key = 'killed-purchase' AND t.status = 'pending'`
            );
            return rows[0];
        }, 'the charge to be taken and still pending');
        process.kill(-(slow.started.child.pid ?? 0), 'SIGKILL');
        expect((await slow.started.exited).signal).toBe('SIGKILL');
        await purchase;

        // On restart the reconciler asks the processor about the fixed key and settles it as paid.
        const restarted = await start({ PENDING_CHARGE_RECONCILE_AFTER_MS: '0' });
        await until(async () => {
            const rows = await sql<{ status: string }>(
                'SELECT status FROM sales_transactions WHERE id = $1',
                [charge.id]
            );
            return rows[0]?.status === 'succeeded' ? true : undefined;
        }, 'the pending charge to be settled');
        // The panel's retry with the same key completes the purchase without charging again.
        const retried = await call(
            restarted.url,
            'POST',
            `${accountUrl}/minutes/purchases`,
            {
                amountCents: 10_000,
                authorization: AUTHORIZATION
            },
            'killed-purchase'
        );
        expect(retried.status).toBe(201);
        const charges = await sql('SELECT 1 FROM local_processor_charge WHERE idempotency_key = $1', [
            charge.processor_key
        ]);
        expect(charges).toHaveLength(1);
        const records = await sql<{ status: string; applied: boolean }>(
            "SELECT status, applied_at IS NOT NULL AS applied FROM sales_transactions WHERE idempotency_key = 'killed-purchase'"
        );
        expect(records).toEqual([{ status: 'succeeded', applied: true }]);
        restarted.started.child.kill('SIGTERM');
        expect(await restarted.started.exited).toEqual({ code: 0, signal: null });
    });

    it('SIGTERM under load (a slow processor holding requests open) exits within the drain time', async () => {
        const drainMs = 2000;
        const loaded = await start({
            LOCAL_PROCESSOR_ANSWER_DELAY_MS: '30000',
            PAYMENT_TIMEOUT_MS: '60000',
            SHUTDOWN_DRAIN_MS: String(drainMs)
        });
        let stop = false;
        const statuses: number[] = [];
        const reader = async () => {
            while (!stop) {
                const status = await call(loaded.url, 'GET', `${accountUrl}/minutes`).then(
                    (answer) => answer.status,
                    () => 0
                );
                statuses.push(status);
            }
        };
        const readers = Array.from({ length: 8 }, reader);
        const purchases = Array.from({ length: 3 }, (_, index) =>
            call(
                loaded.url,
                'POST',
                `${accountUrl}/minutes/purchases`,
                {
                    amountCents: 10_000,
                    authorization: AUTHORIZATION
                },
                `held-${index}`
            ).catch(() => undefined)
        );
        await until(async () => {
            const rows = await sql("SELECT 1 FROM sales_transactions WHERE status = 'pending'");
            return rows.length > 0 && statuses.length > 20 ? true : undefined;
        }, 'load and a charge in flight');
        const signalled = Date.now();
        loaded.started.child.kill('SIGTERM');
        const exit = await loaded.started.exited;
        const tookMs = Date.now() - signalled;
        stop = true;
        await Promise.all([...readers, ...purchases]);
        expect(exit).toEqual({ code: 0, signal: null });
        // The drain time, plus closing the pool and the process's own exit on a loaded machine.
        expect(tookMs).toBeLessThan(drainMs + 8000);
        expect(statuses.filter((status) => status >= 500 && status !== 503)).toEqual([]);
    });
});
