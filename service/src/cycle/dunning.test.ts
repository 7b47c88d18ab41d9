import { addTestCard, testCard } from '../funding/testing';
import { localDirectory } from '../identity/directoryUserRepository';
import { fixedClock } from '../kernel/clock';
import type { Mailer } from '../kernel/mailer';
import { verifyLedger } from '../ledger/verifyLedger';
import { deliverUnsentNotices } from '../notices/deliverNotice';
import { createLocalProcessor } from '../payments/localProcessor';
import { AUTHORIZATION, as } from '../testing/buildTestApp';
import { makeAccount, TEST_NOW, type TestAccount } from '../testing/factories';
import { useTestApp } from '../testing/testDatabase';
import type { MoneyDeps } from '../transactions/recordPurchase';
import { latestCollection } from './collectionRepository';
import { runBillingCycles } from './runBillingCycle';

const HOUR = 3600_000;
/** December 1, 2026, 00:30 in New York: the cycle day has just begun there. */
const CYCLE_START = new Date('2026-12-01T05:30:00Z');
const SOFT_DECLINE = '4000000000009995'; // insufficient funds
const HARD_DECLINE = '4000000000000069'; // expired card

describe('R4.2 dunning: retries on a schedule, notices once, past due, a new source retried at once', () => {
    const woken: string[] = [];
    const t = useTestApp((pool) => ({
        processor: createLocalProcessor(pool),
        clock: fixedClock('2026-12-08T15:00:00Z'),
        jobs: {
            wakeMinuteRecharge: () => Promise.resolve(),
            retryCycleNow: (accountId) => {
                woken.push(accountId);
                return Promise.resolve();
            }
        }
    }));
    let deps: MoneyDeps;
    beforeAll(() => {
        deps = { pool: t.db.pool, processor: createLocalProcessor(t.db.pool) };
    });
    afterEach(async () => {
        expect(await verifyLedger(t.db.pool)).toEqual([]);
    });

    async function account(card: string): Promise<TestAccount> {
        const made = await makeAccount(t.db.pool, {
            licenses: { CRM: { quantity: 2, unitPriceCents: 6500 } }
        });
        await addTestCard(t.db.pool, deps.processor, made.accountId, TEST_NOW, { number: card });
        return made;
    }

    /** The hourly sweep from `from` for `hours`, as the queue would run it; the outcomes of `accountId`. */
    async function walk(
        accountId: string,
        from: Date,
        hours: number
    ): Promise<{ at: string; status: string }[]> {
        const seen: { at: string; status: string }[] = [];
        for (let hour = 0; hour < hours; hour++) {
            const at = new Date(from.getTime() + hour * HOUR);
            for (const result of await runBillingCycles(deps, at)) {
                if (result.accountId === accountId)
                    seen.push({ at: at.toISOString(), status: result.outcome.status });
            }
        }
        return seen;
    }

    async function cycleKeys(accountId: string) {
        const rows = await t.db.pool.query<{ idempotency_key: string; status: string }>(
            "SELECT idempotency_key, status FROM sales_transactions WHERE billing_account_id = $1 AND kind = 'cycle' ORDER BY number",
            [accountId]
        );
        return rows.rows;
    }

    async function noticeKinds(accountId: string) {
        const rows = await t.db.pool.query<{ kind: string }>(
            'SELECT kind FROM notices WHERE billing_account_id = $1 ORDER BY id',
            [accountId]
        );
        return rows.rows.map((row) => row.kind);
    }

    it('tries on Dec 1, 3, 5 and 7 at 09:00 local, tells the admin twice, then marks the account past due', async () => {
        const acme = await account(SOFT_DECLINE);
        const seen = await walk(acme.accountId, CYCLE_START, 8 * 24);
        expect(seen).toHaveLength(4);
        expect(seen).toEqual([
            { at: '2026-12-01T05:30:00.000Z', status: 'declined' },
            { at: '2026-12-03T14:30:00.000Z', status: 'declined' },
            { at: '2026-12-05T14:30:00.000Z', status: 'declined' },
            { at: '2026-12-07T14:30:00.000Z', status: 'declined' }
        ]);
        expect(await cycleKeys(acme.accountId)).toEqual(
            [1, 2, 3, 4].map((attempt) => ({ idempotency_key: `cycle:2026-12:${attempt}`, status: 'failed' }))
        );
        expect(await latestCollection(t.db.pool, acme.accountId)).toMatchObject({
            status: 'past_due',
            attempts: 4,
            nextAttemptAt: null,
            lastDeclineCode: 'insufficient_funds'
        });
        expect(await noticeKinds(acme.accountId)).toEqual(['cycle_declined', 'cycle_past_due']);
        const summary = await t.app.inject({
            url: '/api/v1/summary',
            headers: as({ orgId: acme.orgId, userId: acme.admin.id })
        });
        expect(summary.json<{ accounts: { payment: unknown }[] }>().accounts[0]?.payment).toEqual({
            period: '2026-12',
            status: 'past_due',
            attempts: 4,
            failedOn: '2026-12-01',
            nextTryOn: null,
            waitingForNewSource: false,
            message:
                'Payment of the December 2026 bill failed on December 1, 2026; every try failed and the account is past due. Add or update a funding source to pay it at once.'
        });

        const mails: Parameters<Mailer['send']>[0][] = [];
        const mailer: Mailer = {
            send: (message) => {
                mails.push(message);
                return Promise.resolve();
            }
        };
        const noticeDeps = {
            pool: t.db.pool,
            mailer,
            directory: localDirectory(t.db.pool),
            clock: fixedClock(CYCLE_START)
        };
        await deliverUnsentNotices(noticeDeps);
        await deliverUnsentNotices(noticeDeps);
        const mine = mails.filter((mail) => mail.to === acme.admin.email);
        expect(mine.map((mail) => mail.subject)).toEqual([
            'PowerDialer Billing: the December 2026 bill of $130.00 could not be charged',
            'PowerDialer Billing: the December 2026 bill is past due'
        ]);
        expect(mine[0]?.text).toContain('We will try again on December 3, 2026.');
        expect(mine[1]?.html).toContain('<p>');
    });

    it('shows the admin "payment failed on Dec 1, next try Dec 3" between tries', async () => {
        const acme = await account(SOFT_DECLINE);
        await walk(acme.accountId, CYCLE_START, 2);
        const summary = await t.app.inject({
            url: '/api/v1/summary',
            headers: as({ orgId: acme.orgId, userId: acme.admin.id })
        });
        expect(summary.json<{ accounts: { payment: unknown }[] }>().accounts[0]?.payment).toMatchObject({
            status: 'collecting',
            failedOn: '2026-12-01',
            nextTryOn: '2026-12-03',
            message:
                'Payment of the December 2026 bill failed on December 1, 2026; next try December 3, 2026.'
        });
    });

    it('holds a hard decline until a source is added, then retries at once (and wakes the queue)', async () => {
        const acme = await account(HARD_DECLINE);
        const seen = await walk(acme.accountId, CYCLE_START, 7 * 24 + 12);
        // Tried once; the later slots pass without a charge; past due after the last.
        expect(seen.map((outcome) => outcome.status)).toEqual(['declined', 'skipped', 'skipped', 'skipped']);
        expect(await cycleKeys(acme.accountId)).toEqual([
            { idempotency_key: 'cycle:2026-12:1', status: 'failed' }
        ]);
        expect(await latestCollection(t.db.pool, acme.accountId)).toMatchObject({ status: 'past_due' });
        expect(await noticeKinds(acme.accountId)).toEqual(['cycle_declined', 'cycle_past_due']);

        // On Dec 8 the admin adds a working card (it becomes the secondary).
        const { kind, number, expMonth, expYear, cvc, holderFirstName, holderLastName } = testCard();
        const added = await t.app.inject({
            method: 'POST',
            url: `/api/v1/accounts/${acme.accountId}/funding-sources`,
            headers: as({ orgId: acme.orgId, userId: acme.admin.id }, 'new-card'),
            payload: {
                authorization: AUTHORIZATION,
                source: { kind, number, expMonth, expYear, cvc, holderFirstName, holderLastName }
            }
        });
        expect(added.statusCode).toBe(201);
        expect(woken).toContain(acme.accountId);
        const retried = await walk(acme.accountId, new Date('2026-12-08T15:00:00Z'), 1);
        expect(retried.map((outcome) => outcome.status)).toEqual(['billed']);
        expect(await cycleKeys(acme.accountId)).toEqual([
            { idempotency_key: 'cycle:2026-12:1', status: 'failed' },
            { idempotency_key: 'cycle:2026-12:2', status: 'succeeded' }
        ]);
        expect(await latestCollection(t.db.pool, acme.accountId)).toMatchObject({
            status: 'paid',
            attempts: 2
        });
        expect(await noticeKinds(acme.accountId)).toEqual(['cycle_declined', 'cycle_past_due']);
    });
});
