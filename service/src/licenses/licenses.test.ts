import { addTestCard } from '../funding/testing';
import { TERMS_VERSION } from '../kernel/terms';
import { balanceOf } from '../ledger/balanceOf';
import { verifyLedger } from '../ledger/verifyLedger';
import { createLocalProcessor } from '../payments/localProcessor';
import { as, AUTHORIZATION } from '../testing/buildTestApp';
import { useTestApp } from '../testing/testDatabase';
import { makeAccount, makeUser, TEST_NOW, type TestAccount } from '../testing/factories';
import { snapshotDatabase } from '../testing/snapshotDatabase';

describe('R2 R3 licenses over HTTP', () => {
    const t = useTestApp((pool) => ({ processor: createLocalProcessor(pool) }));
    let keys = 0;
    const key = () => `key-${++keys}`;

    afterEach(async () => {
        expect(await verifyLedger(t.db.pool)).toEqual([]);
    });

    async function acmeWithCard(options: Parameters<typeof makeAccount>[1] = {}): Promise<TestAccount> {
        const account = await makeAccount(t.db.pool, {
            users: 5,
            licenses: {
                CRM: { quantity: 5, floor: 4, unitPriceCents: 6500, assignedTo: 4 },
                DIALER_TAB: { quantity: 2, floor: 0, unitPriceCents: 2000, assignedTo: 1 }
            },
            ...options
        });
        await addTestCard(t.db.pool, createLocalProcessor(t.db.pool), account.accountId, TEST_NOW);
        return account;
    }
    const admin = (account: TestAccount) => ({ orgId: account.orgId, userId: account.admin.id });
    const post = (
        account: TestAccount,
        path: string,
        payload: object,
        idempotencyKey: string | null = key()
    ) =>
        t.app.inject({
            method: 'POST',
            url: `/api/v1/accounts/${account.accountId}${path}`,
            headers: as(admin(account), idempotencyKey ?? undefined),
            payload
        });
    /** What the preview shows for `quantities` (zeros when it refuses): the quote the panel sends back. */
    const quoteFor = async (account: TestAccount, quantities: object) => {
        const preview = await post(account, '/quantities/preview', { quantities }, null);
        const plan = preview.json<{ plan: { chargeNow: number; monthlyRecurringTotal: number } | null }>()
            .plan;
        return { chargeNow: plan?.chargeNow ?? 0, monthlyRecurringTotal: plan?.monthlyRecurringTotal ?? 0 };
    };
    /** Applies quantities as the panel does: at the amounts its preview showed. */
    const applyQuoted = async (
        account: TestAccount,
        payload: { quantities: object } & Record<string, unknown>,
        idempotencyKey: string | null = key()
    ) =>
        post(
            account,
            '/quantities',
            { quote: await quoteFor(account, payload.quantities), ...payload },
            idempotencyKey
        );

    it('R2.7 lists purchased, assigned, price, total, floor and licenses held by inactive users', async () => {
        const acme = await acmeWithCard();
        await t.db.pool.query('UPDATE directory_users SET active = false WHERE user_id = $1', [
            acme.users[3]!.id
        ]);
        const response = await t.app.inject({
            url: `/api/v1/accounts/${acme.accountId}/licenses`,
            headers: as(admin(acme))
        });
        expect(response.statusCode).toBe(200);
        const body = response.json<{ licenses: object[]; recurringTotalCents: number; contract: object }>();
        expect(body.contract).toEqual({ start: '2026-06-01', end: '2027-05-31' });
        expect(body.licenses).toEqual([
            expect.objectContaining({
                code: 'CRM',
                purchased: 5,
                assigned: 4,
                unitPriceCents: 6500,
                lineTotalCents: 32_500,
                floor: 4,
                heldByInactiveUsers: 1,
                inUse: 0
            }),
            expect.objectContaining({
                code: 'DIALER_TAB',
                kind: 'pooled',
                purchased: 2,
                assigned: 1,
                lineTotalCents: 4000
            })
        ]);
        expect(body.recurringTotalCents).toBe(36_500);
    });

    it('R3.4 previews, then charges exactly the prorated amount for licenses added mid-month', async () => {
        const acme = await acmeWithCard();
        const preview = await post(acme, '/quantities/preview', { quantities: { CRM: 7 } }, null);
        expect(preview.statusCode).toBe(200);
        // 22 November in New York: 9 days left of 30, today included. 6500 × 2 × 9 ÷ 30 = 3900.
        expect(preview.json()).toMatchObject({
            refusals: [],
            plan: {
                chargeNow: 3900,
                monthlyRecurringTotal: 7 * 6500 + 2 * 2000,
                lines: [{ license: 'CRM', added: 2, prorationDays: 9, daysInMonth: 30, chargeNow: 3900 }]
            }
        });
        const applied = await applyQuoted(acme, {
            quantities: { CRM: 7 },
            authorization: AUTHORIZATION
        });
        expect(applied.statusCode).toBe(200);
        expect(applied.json()).toMatchObject({ plan: { chargeNow: 3900 }, purchase: { totalCents: 3900 } });
        expect((await balanceOf(t.db.pool, acme.accountId, 'revenue_licenses')).postedCents).toBe(3900);
        const licenses = await t.app.inject({
            url: `/api/v1/accounts/${acme.accountId}/licenses`,
            headers: as(admin(acme))
        });
        expect(
            licenses.json<{ licenses: { code: string; purchased: number }[] }>().licenses[0]
        ).toMatchObject({ code: 'CRM', purchased: 7 });
    });

    it('R3.1 R9 charges only the amount the admin saw: another figure is refused with quote_changed and the new figures, nothing charged', async () => {
        const acme = await acmeWithCard();
        const before = await snapshotDatabase(t.db.pool);
        // The admin saw $39.00 (a preview an instant earlier, at another day's proration, say).
        const seen = { chargeNow: 4200, monthlyRecurringTotal: 7 * 6500 + 2 * 2000 };
        const refused = await post(acme, '/quantities', {
            quantities: { CRM: 7 },
            quote: seen,
            authorization: AUTHORIZATION
        });
        expect(refused.statusCode).toBe(409);
        expect(refused.json()).toMatchObject({
            code: 'quote_changed',
            details: {
                chargeNow: 3900,
                monthlyRecurringTotal: seen.monthlyRecurringTotal,
                quotedChargeNow: 4200
            }
        });
        expect(refused.json<{ message: string }>().message).toContain('$39.00');
        expect(await snapshotDatabase(t.db.pool)).toEqual(before);
        expect((await balanceOf(t.db.pool, acme.accountId, 'revenue_licenses')).postedCents).toBe(0);
        const accepted = await post(acme, '/quantities', {
            quantities: { CRM: 7 },
            quote: { ...seen, chargeNow: 3900 },
            authorization: AUTHORIZATION
        });
        expect(accepted.json()).toMatchObject({ purchase: { totalCents: 3900 } });
    });

    it('R3.5 lowers a quantity without a credit and records it from the next cycle', async () => {
        const acme = await acmeWithCard();
        const applied = await applyQuoted(acme, {
            quantities: { DIALER_TAB: 1 },
            authorization: AUTHORIZATION
        });
        expect(applied.json()).toMatchObject({
            plan: { chargeNow: 0, nextCycleDate: '2026-12-01' },
            purchase: null
        });
        const change = await t.db.pool.query<{ billed_from: string }>(
            `SELECT to_char(billed_from, 'YYYY-MM-DD') AS billed_from FROM license_quantity_changes WHERE billing_account_id = $1`,
            [acme.accountId]
        );
        expect(change.rows).toEqual([{ billed_from: '2026-12-01' }]);
    });

    it('R3.5 adding back licenses removed earlier this month charges only those above what the month paid', async () => {
        const acme = await acmeWithCard();
        const apply = (quantities: object) => applyQuoted(acme, { quantities, authorization: AUTHORIZATION });
        expect((await apply({ DIALER_TAB: 1 })).json()).toMatchObject({
            plan: { chargeNow: 0 },
            purchase: null
        });
        // Back to 2 (paid by the November cycle): nothing to pay; then 3: one license, 9 of 30 days of $20.
        const back = await apply({ DIALER_TAB: 2 });
        expect(back.json()).toMatchObject({
            plan: { chargeNow: 0, lines: [{ license: 'DIALER_TAB', added: 1, charged: 0 }] },
            purchase: null
        });
        const more = await apply({ DIALER_TAB: 3 });
        expect(more.json()).toMatchObject({
            plan: {
                chargeNow: 600,
                lines: [{ license: 'DIALER_TAB', added: 1, charged: 1, chargeNow: 600 }]
            },
            purchase: { totalCents: 600 }
        });
        // Down and up again: 3 stays paid for November.
        await apply({ DIALER_TAB: 1 });
        const preview = await post(acme, '/quantities/preview', { quantities: { DIALER_TAB: 4 } }, null);
        expect(preview.json()).toMatchObject({ plan: { chargeNow: 600, lines: [{ added: 3, charged: 1 }] } });
    });

    it('R3.2 refuses going below the floor, naming the floor and the end of the term', async () => {
        const acme = await acmeWithCard();
        const response = await applyQuoted(acme, {
            quantities: { CRM: 3 },
            authorization: AUTHORIZATION
        });
        expect(response.statusCode).toBe(422);
        expect(response.json()).toMatchObject({ code: 'license_floor' });
        expect(response.json<{ message: string }>().message).toMatch(/4.*May 31, 2027/);
        const preview = await post(acme, '/quantities/preview', { quantities: { CRM: 3 } }, null);
        const refused = preview.json<{ plan: null; refusals: { code: string }[] }>();
        expect(refused.plan).toBeNull();
        expect(refused.refusals.map((refusal) => refusal.code)).toContain('license_floor');
    });

    it('R9.1 changes nothing at all without the typed name and accepted current terms', async () => {
        const acme = await acmeWithCard();
        const before = await snapshotDatabase(t.db.pool);
        const attempts: [{ quantities: object } & Record<string, unknown>, number, string][] = [
            [{ quantities: { CRM: 9 } }, 400, 'authorization_required'],
            [
                { quantities: { CRM: 9 }, authorization: { ...AUTHORIZATION, firstName: '  ' } },
                400,
                'authorization_required'
            ],
            [
                { quantities: { CRM: 9 }, authorization: { ...AUTHORIZATION, accepted: false } },
                400,
                'authorization_required'
            ],
            [
                { quantities: { CRM: 9 }, authorization: { ...AUTHORIZATION, termsVersion: '2020-01-01' } },
                422,
                'terms_version_outdated'
            ]
        ];
        for (const [payload, status, code] of attempts) {
            const response = await applyQuoted(acme, payload);
            expect([response.statusCode, response.json<{ code: string }>().code]).toEqual([status, code]);
        }
        const noKey = await applyQuoted(acme, { quantities: { CRM: 9 }, authorization: AUTHORIZATION }, null);
        expect(noKey.statusCode).toBe(400);
        expect(noKey.json()).toMatchObject({ code: 'idempotency_key_required' });
        expect(await snapshotDatabase(t.db.pool)).toEqual(before);
    });

    it('R9.2 records who authorised the change, with the typed name and terms version', async () => {
        const acme = await acmeWithCard();
        await applyQuoted(acme, {
            quantities: { CRM: 6 },
            authorization: { ...AUTHORIZATION, firstName: ' Grace ', lastName: 'Hopper' }
        });
        const audit = await t.app.inject({
            url: `/api/v1/accounts/${acme.accountId}/audit`,
            headers: as(admin(acme))
        });
        expect(audit.json()).toEqual({
            records: [
                expect.objectContaining({
                    userId: acme.admin.id,
                    firstName: 'Grace',
                    lastName: 'Hopper',
                    termsVersion: TERMS_VERSION,
                    action: 'licenses.quantities_changed',
                    before: { CRM: 5, DIALER_TAB: 2 },
                    after: { CRM: 6, DIALER_TAB: 2 },
                    at: TEST_NOW.toISOString()
                })
            ]
        });
    });

    it('replays the first answer for the same Idempotency-Key and payload, and refuses another payload', async () => {
        const acme = await acmeWithCard();
        const quantities = { CRM: 8 };
        const payload = { quantities, quote: await quoteFor(acme, quantities), authorization: AUTHORIZATION };
        const first = await post(acme, '/quantities', payload, 'same-key');
        const again = await post(acme, '/quantities', payload, 'same-key');
        expect(again.statusCode).toBe(200);
        expect(again.json()).toEqual(first.json());
        expect(again.headers['idempotent-replayed']).toBe('true');
        const other = await applyQuoted(
            acme,
            { quantities: { CRM: 9 }, authorization: AUTHORIZATION },
            'same-key'
        );
        expect(other.statusCode).toBe(409);
        expect(other.json()).toMatchObject({ code: 'idempotency_key_reused' });
        const sales = await t.db.pool.query(
            'SELECT 1 FROM sales_transactions WHERE billing_account_id = $1',
            [acme.accountId]
        );
        expect(sales.rowCount).toBe(1);
        const quantity = await t.db.pool.query<{ quantity: number }>(
            `SELECT quantity FROM license_quantities WHERE billing_account_id = $1 AND license_code = 'CRM'`,
            [acme.accountId]
        );
        expect(quantity.rows[0]!.quantity).toBe(8);
    });

    it('replays a duplicate sent concurrently instead of applying it twice', async () => {
        const acme = await acmeWithCard();
        const quantities = { CRM: 10 };
        const payload = { quantities, quote: await quoteFor(acme, quantities), authorization: AUTHORIZATION };
        const responses = await Promise.all(
            Array.from({ length: 4 }, () => post(acme, '/quantities', payload, 'parallel-key'))
        );
        expect(responses.map((response) => response.statusCode)).toEqual([200, 200, 200, 200]);
        const sales = await t.db.pool.query(
            'SELECT 1 FROM sales_transactions WHERE billing_account_id = $1',
            [acme.accountId]
        );
        expect(sales.rowCount).toBe(1);
    });

    it('R2.2 never over-assigns a per-user license when admins assign in parallel', async () => {
        const acme = await acmeWithCard({ users: 8, licenses: { CRM: { quantity: 5, assignedTo: 3 } } });
        const others = acme.users.slice(3);
        const responses = await Promise.all(
            others.map((user) =>
                post(acme, '/assignments', {
                    changes: [{ userId: user.id, license: 'CRM', assigned: true }],
                    authorization: AUTHORIZATION
                })
            )
        );
        const statuses = responses.map((response) => response.statusCode).sort();
        expect(statuses).toEqual([200, 200, 422, 422, 422]);
        expect(responses.find((response) => response.statusCode === 422)!.json()).toMatchObject({
            code: 'per_user_limit'
        });
        const held = await t.db.pool.query(
            `SELECT 1 FROM license_assignments WHERE billing_account_id = $1 AND license_code = 'CRM'`,
            [acme.accountId]
        );
        expect(held.rowCount).toBe(5);
    });

    it('R3.3 never lets a parallel quantity cut and assignment leave more holders than licenses', async () => {
        const acme = await acmeWithCard({
            users: 6,
            licenses: { CRM: { quantity: 5, floor: 0, assignedTo: 4 } }
        });
        const [cut, assign] = await Promise.all([
            applyQuoted(acme, { quantities: { CRM: 4 }, authorization: AUTHORIZATION }),
            post(acme, '/assignments', {
                changes: [{ userId: acme.users[4]!.id, license: 'CRM', assigned: true }],
                authorization: AUTHORIZATION
            })
        ]);
        expect([cut.statusCode, assign.statusCode].sort()).toEqual([200, 422]);
        const state = await t.db.pool.query<{ quantity: number; holders: number }>(
            `SELECT q.quantity, (SELECT count(*)::int FROM license_assignments a WHERE a.billing_account_id = q.billing_account_id
                                 AND a.license_code = 'CRM') AS holders
             FROM license_quantities q WHERE q.billing_account_id = $1 AND q.license_code = 'CRM'`,
            [acme.accountId]
        );
        expect(state.rows[0]!.holders).toBeLessThanOrEqual(state.rows[0]!.quantity);
    });

    it('R2.4 refuses an assignment without its prerequisite, naming the license and the user', async () => {
        const acme = await acmeWithCard({
            users: 3,
            licenses: {
                CRM: { quantity: 3, assignedTo: 1 },
                DIALER_TAB: { quantity: 2 },
                DIALER: { quantity: 2 }
            }
        });
        const user = acme.users[2]!;
        const response = await post(acme, '/assignments', {
            changes: [{ userId: user.id, license: 'DIALER', assigned: true }],
            authorization: AUTHORIZATION
        });
        expect(response.statusCode).toBe(422);
        expect(response.json()).toMatchObject({
            code: 'missing_prerequisite',
            details: { license: 'DIALER', userId: user.id }
        });
        expect(response.json<{ message: string }>().message).toContain(user.name);
    });

    it('assigns many at once, and lists users with their licenses and what is left', async () => {
        const acme = await acmeWithCard({
            users: 3,
            licenses: { CRM: { quantity: 3, assignedTo: 1 }, DIALER_TAB: { quantity: 2 } }
        });
        const [, second, third] = acme.users;
        const response = await post(acme, '/assignments', {
            changes: [
                { userId: second!.id, license: 'CRM', assigned: true },
                { userId: second!.id, license: 'DIALER_TAB', assigned: true },
                { userId: third!.id, license: 'CRM', assigned: true }
            ],
            authorization: AUTHORIZATION
        });
        expect(response.statusCode).toBe(200);
        const listing = await t.app.inject({
            url: `/api/v1/accounts/${acme.accountId}/assignments`,
            headers: as(admin(acme))
        });
        const body = listing.json<{
            users: { id: string; licenses: string[] }[];
            available: { code: string; available: number | null }[];
        }>();
        expect(body.users.find((user) => user.id === second!.id)!.licenses.sort()).toEqual([
            'CRM',
            'DIALER_TAB'
        ]);
        expect(body.available.find((line) => line.code === 'CRM')).toMatchObject({ available: 0 });
        expect(body.available.find((line) => line.code === 'DIALER_TAB')).toMatchObject({ available: null });
    });

    it('refuses assigning to a deactivated user or someone outside the company', async () => {
        const acme = await acmeWithCard();
        const inactive = await makeUser(t.db.pool, acme.orgId, { active: false });
        const inactiveAnswer = await post(acme, '/assignments', {
            changes: [{ userId: inactive.id, license: 'CRM', assigned: true }],
            authorization: AUTHORIZATION
        });
        expect(inactiveAnswer.json()).toMatchObject({ code: 'user_inactive' });
        const inactiveTab = await post(acme, '/assignments', {
            changes: [{ userId: inactive.id, license: 'DIALER_TAB', assigned: true }],
            authorization: AUTHORIZATION
        });
        // The license is named as the admin knows it, not by its code.
        expect(inactiveTab.json<{ message: string }>().message).toContain('cannot be given Dialer Tab.');
        const stranger = await post(acme, '/assignments', {
            changes: [{ userId: '005000000000000AAA', license: 'CRM', assigned: true }],
            authorization: AUTHORIZATION
        });
        expect(stranger.json()).toMatchObject({ code: 'unknown_user' });
    });

    it('R1.2 R1.4 changes nothing for another company’s admin or for a non-admin', async () => {
        const acme = await acmeWithCard();
        const stranger = await makeAccount(t.db.pool, { users: 1 });
        const before = await snapshotDatabase(t.db.pool);
        const payload = {
            quantities: { CRM: 9 },
            quote: { chargeNow: 0, monthlyRecurringTotal: 0 },
            authorization: AUTHORIZATION
        };
        const crossCompany = await t.app.inject({
            method: 'POST',
            url: `/api/v1/accounts/${acme.accountId}/quantities`,
            headers: as({ orgId: stranger.orgId, userId: stranger.admin.id }, key()),
            payload
        });
        expect([crossCompany.statusCode, crossCompany.json<{ code: string }>().code]).toEqual([
            404,
            'not_found'
        ]);
        const nonAdmin = await t.app.inject({
            method: 'POST',
            url: `/api/v1/accounts/${acme.accountId}/quantities`,
            headers: as({ orgId: acme.orgId, userId: acme.users[1]!.id }, key()),
            payload
        });
        expect([nonAdmin.statusCode, nonAdmin.json<{ code: string }>().code]).toEqual([403, 'not_permitted']);
        expect(await snapshotDatabase(t.db.pool)).toEqual(before);
    });
});
