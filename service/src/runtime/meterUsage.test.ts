import { fixedClock } from '../kernel/clock';
import type { JobQueue } from '../kernel/jobQueue';
import { verifyLedger } from '../ledger/verifyLedger';
import { minutesBalance } from '../minutes/minutesBalance';
import { saveRechargeEnabled } from '../minutes/minuteSettingsRepository';
import { withTransaction } from '../db/withTransaction';
import { createLocalProcessor } from '../payments/localProcessor';
import { seedMoney } from '../seed/seedMoney';
import { makeAccount, TEST_NOW, type TestAccount } from '../testing/factories';
import { makeRuntimeKey, runtimePost } from '../testing/runtimeClient';
import { useTestApp } from '../testing/testDatabase';

jest.setTimeout(120_000);

const woken: string[] = [];
const jobs: JobQueue = {
    wakeMinuteRecharge: (accountId) => {
        woken.push(accountId);
        return Promise.resolve();
    }
};

describe('usage metering (R5.1, R5.5, R10.3)', () => {
    const t = useTestApp(() => ({ jobs }));
    let headers: Record<string, string>;
    let acme: TestAccount;
    beforeAll(async () => {
        headers = (await makeRuntimeKey(t.db.pool)).headers;
        acme = await makeAccount(t.db.pool, { users: 3, licenses: { CRM: { quantity: 3, assignedTo: 3 } } });
        await seedMoney(t.db.pool, acme.accountId, fixedClock(TEST_NOW), createLocalProcessor(t.db.pool));
    });
    const minute = (index: number) => new Date(TEST_NOW.getTime() - (index % 600) * 60_000).toISOString();
    const event = (id: string, extra: Record<string, unknown> = {}) => ({
        id,
        userId: acme.users[Number(id.slice(-1)) % 3]!.id,
        kind: 'call',
        seconds: 61,
        occurredAt: minute(Number(id.replace(/\D/g, '') || 0)),
        ...extra
    });
    const send = (events: unknown[]) => runtimePost(t.app, headers, '/usage', { orgId: acme.orgId, events });
    const balance = async () => (await minutesBalance(t.db.pool, acme.accountId)).balanceCents;

    it('counts each event id once, whatever batches it comes in, also sent in parallel; the ledger balances', async () => {
        const before = await balance();
        const events = Array.from({ length: 1000 }, (_, index) => event(`call-${index}`));
        const batches = [
            events.slice(0, 600),
            events.slice(400),
            events,
            events.slice(0, 600),
            events.slice(200, 700)
        ];
        const answers = await Promise.all(batches.map((batch) => send(batch)));
        expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
        const counted = answers.map((answer) => answer.body as { new: number; duplicate: number });
        expect(counted.reduce((total, answer) => total + answer.new, 0)).toBe(1000);
        counted.forEach((answer, index) => {
            expect(answer.new + answer.duplicate).toBe(batches[index]!.length);
        });
        // 61 s is billed as 2 minutes at $0.02: 4 cents a call, debited once per event.
        expect(await balance()).toBe(before - 4000);
        const again = await send(events.slice(0, 500));
        expect(again.body).toMatchObject({ new: 0, duplicate: 500, debitedCents: 0, refused: [] });
        const rows = await t.db.pool.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM minute_usage WHERE billing_account_id = $1 AND event_id IS NOT NULL',
            [acme.accountId]
        );
        expect(rows.rows[0]!.n).toBe(1000);
        expect(await verifyLedger(t.db.pool)).toEqual([]);
    });

    it('posts one ledger transfer per batch, and refuses bad events one by one while recording the rest', async () => {
        const transfers = () =>
            t.db.pool
                .query<{ n: number }>(
                    `SELECT count(*)::int AS n FROM ledger_transfers WHERE billing_account_id = $1 AND kind = 'minutes_usage'`,
                    [acme.accountId]
                )
                .then((result) => result.rows[0]!.n);
        const transfersBefore = await transfers();
        const before = await balance();
        const answer = await send([
            event('ok-1'),
            { ...event('sms-1'), kind: 'sms', seconds: undefined, messages: 3 },
            event('stranger-1', { userId: '005000000000099ZZZ' }),
            event('negative-1', { seconds: -5 }),
            event('future-1', { occurredAt: new Date(TEST_NOW.getTime() + 3_600_000).toISOString() }),
            event('old-1', { occurredAt: '2026-10-01T00:00:00Z' }),
            { kind: 'call', seconds: 5 },
            event('ok-1')
        ]);
        expect(answer.status).toBe(200);
        expect(answer.body).toMatchObject({ new: 2, duplicate: 1, debitedCents: 4 + 3 });
        expect(
            (answer.body.refused as { index: number; code: string }[]).map(({ index, code }) => [index, code])
        ).toEqual([
            [2, 'unknown_user'],
            [3, 'negative_duration'],
            [4, 'event_in_future'],
            [5, 'event_too_old'],
            [6, 'invalid_event']
        ]);
        expect(await balance()).toBe(before - 7);
        expect(await transfers()).toBe(transfersBefore + 1);
    });

    it('R5.3: crossing below the recharge threshold wakes the recharge once, however many batches follow', async () => {
        const account = await makeAccount(t.db.pool, {
            users: 1,
            licenses: { CRM: { quantity: 1, assignedTo: 1 } }
        });
        await seedMoney(t.db.pool, account.accountId, fixedClock(TEST_NOW), createLocalProcessor(t.db.pool));
        await withTransaction(t.db.pool, (tx) => saveRechargeEnabled(tx, account.accountId, true, TEST_NOW));
        const userId = account.users[0]!.id;
        const longCall = (id: string) => ({
            id,
            userId,
            kind: 'call',
            seconds: 60_000,
            occurredAt: TEST_NOW.toISOString()
        });
        const meter = (id: string) =>
            runtimePost(t.app, headers, '/usage', { orgId: account.orgId, events: [longCall(id)] });
        woken.length = 0;
        // The seeded balance is $67.10 and its threshold $31.01: a 1,000-minute call costs $20.00.
        await meter('a');
        expect(woken).toEqual([]);
        await Promise.all(['b', 'c', 'd'].map((id) => meter(id)));
        expect((await minutesBalance(t.db.pool, account.accountId)).balanceCents).toBeLessThan(0);
        expect(woken).toEqual([account.accountId]);
        await meter('e');
        expect(woken).toEqual([account.accountId]);
    });
});
