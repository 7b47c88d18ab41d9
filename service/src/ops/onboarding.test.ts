import { createLocalProcessor } from '../payments/localProcessor';
import { verifyLedger } from '../ledger/verifyLedger';
import { as } from '../testing/buildTestApp';
import { makeUser, salesforceId } from '../testing/factories';
import { makeOperator, type TestOperator } from '../testing/operators';
import { useTestApp } from '../testing/testDatabase';
import { testCard } from '../funding/testing';

jest.setTimeout(120_000);

/** TEST_NOW is 2026-11-22 10:00 in New York: 9 days of November's 30 are left, today included. */
describe('R11.1 onboarding through /ops/v1', () => {
    const t = useTestApp((pool) => ({ processor: createLocalProcessor(pool) }));
    let representative: TestOperator;
    beforeAll(async () => {
        representative = await makeOperator(t.db.pool, 'representative');
    });

    function request(orgId: string, installingUserId: string, overrides: Record<string, unknown> = {}) {
        return {
            orgId,
            companyName: 'Globex',
            installingUserId,
            accounts: [
                {
                    name: 'Globex US',
                    timeZone: 'America/New_York',
                    term: { start: '2026-11-22', months: 12 },
                    licenses: {
                        CRM: { quantity: 10, floor: 8, unitPriceCents: 6000 },
                        DIALER_TAB: { quantity: 4, floor: 4 }
                    },
                    implementationService: { code: 'IMPLEMENTATION_QUICK_START' },
                    fundingSource: testCard(),
                    ...overrides
                }
            ]
        };
    }

    it('previews, applies, charges the first month prorated (R3.4) and the new admin sees it through /api', async () => {
        const orgId = salesforceId('00D');
        const admin = await makeUser(t.db.pool, orgId, { isAdmin: true, name: 'Hank Scorpio' });
        const body = request(orgId, admin.id);
        const preview = await t.app.inject({
            method: 'POST',
            url: '/ops/v1/companies/preview',
            headers: representative.headers(),
            payload: body
        });
        expect(preview.statusCode).toBe(200);
        // CRM 10 × $60.00 × 9/30 = $180.00; DIALER_TAB 4 × $20.00 (list) × 9/30 = $24.00; Quick Start $500.00.
        expect(preview.json()).toMatchObject({
            companyExists: false,
            accounts: [
                {
                    billing: 'now',
                    dueNowCents: 18000 + 2400 + 50000,
                    monthlyRecurringCents: 60000 + 8000,
                    contract: { start: '2026-11-22', end: '2027-11-21', floors: { CRM: 8, DIALER_TAB: 4 } }
                }
            ]
        });
        expect(await count(`SELECT count(*) FROM billing_accounts WHERE org_id = '${orgId}'`)).toBe(0);

        const applied = await onboard('onboard-1', body);
        expect(applied.statusCode).toBe(201);
        const account = applied.json<{
            accounts: { accountId: string; transactionNumbers: string[]; chargedCents: number }[];
        }>().accounts[0]!;
        expect(account.chargedCents).toBe(70400);
        expect(account.transactionNumbers).toHaveLength(2);

        const again = await onboard('onboard-1', body);
        expect([again.statusCode, again.headers['idempotent-replayed']]).toEqual([201, 'true']);
        expect(await count(`SELECT count(*) FROM billing_accounts WHERE org_id = '${orgId}'`)).toBe(1);

        const summary = await t.app.inject({
            url: '/api/v1/summary',
            headers: as({ orgId, userId: admin.id })
        });
        expect(summary.statusCode).toBe(200);
        expect(JSON.stringify(summary.json())).toContain('Globex US');
        const licenses = await t.app.inject({
            url: `/api/v1/accounts/${account.accountId}/licenses`,
            headers: as({ orgId, userId: admin.id })
        });
        expect(licenses.json()).toMatchObject({
            contract: { start: '2026-11-22', end: '2027-11-21' },
            recurringTotalCents: 68000
        });
        const transactions = await t.app.inject({
            url: `/api/v1/accounts/${account.accountId}/transactions`,
            headers: as({ orgId, userId: admin.id })
        });
        const listed = transactions.json<{
            transactions: { number: string; totalCents: number; kind: string }[];
        }>().transactions;
        expect(listed.map((transaction) => [transaction.kind, transaction.totalCents]).sort()).toEqual([
            ['licenses', 20400],
            ['services', 50000]
        ]);
        const detail = await t.app.inject({
            url: `/api/v1/accounts/${account.accountId}/transactions/${listed.find((transaction) => transaction.kind === 'licenses')!.number}`,
            headers: as({ orgId, userId: admin.id })
        });
        expect(detail.json<{ lines: unknown[] }>().lines).toEqual([
            expect.objectContaining({
                productCode: 'CRM',
                quantity: 10,
                unitPriceCents: 6000,
                amountCents: 18000,
                prorationDays: { days: 9, daysInMonth: 30 }
            }),
            expect.objectContaining({
                productCode: 'DIALER_TAB',
                quantity: 4,
                unitPriceCents: 2000,
                amountCents: 2400
            })
        ]);
        const audit = await t.app.inject({
            url: `/api/v1/accounts/${account.accountId}/audit`,
            headers: as({ orgId, userId: admin.id })
        });
        expect(audit.json<{ records: unknown[] }>().records).toContainEqual(
            expect.objectContaining({
                action: 'support.account_onboarded',
                actor: 'support',
                firstName: 'PowerDialer',
                lastName: 'support',
                reason: 'Ticket 42: test'
            })
        );
        expect(await verifyLedger(t.db.pool)).toEqual([]);
    });

    it('without a funding source, puts the first month on the next bill instead of leaving it free', async () => {
        const orgId = salesforceId('00D');
        const admin = await makeUser(t.db.pool, orgId, { isAdmin: true });
        const body = request(orgId, admin.id, {
            fundingSource: undefined,
            implementationService: undefined,
            term: { start: '2026-11-25', end: '2027-05-24' }
        });
        const applied = await onboard('onboard-2', body);
        expect(applied.statusCode).toBe(201);
        const account = applied.json<{
            accounts: { accountId: string; billing: string; pendingChargeIds: string[] }[];
        }>().accounts[0]!;
        expect(account.billing).toBe('next_cycle');
        const pending = await t.db.pool.query<{ amount_cents: number; proration_days: number }>(
            'SELECT amount_cents, proration_days FROM pending_charges WHERE billing_account_id = $1 ORDER BY product_code',
            [account.accountId]
        );
        // From the 25th: 6 of 30 days. CRM 10 × $60 × 6/30 = $120; DIALER_TAB 4 × $20 × 6/30 = $16.
        expect(pending.rows).toEqual([
            { amount_cents: 12000, proration_days: 6 },
            { amount_cents: 1600, proration_days: 6 }
        ]);
    });

    it('refuses what cannot be onboarded, with a code and nothing written', async () => {
        const orgId = salesforceId('00D');
        const admin = await makeUser(t.db.pool, orgId, { isAdmin: true });
        const plain = await makeUser(t.db.pool, orgId, { isAdmin: false });
        const cases: [Record<string, unknown>, string, number][] = [
            [request(orgId, plain.id), 'not_an_admin', 422],
            [
                request(orgId, admin.id, { term: { start: '2027-01-15', months: 12 } }),
                'term_start_too_late',
                422
            ],
            [
                request(orgId, admin.id, { licenses: { CRM: { quantity: 3, floor: 5 } } }),
                'quantity_below_floor',
                422
            ],
            [request(orgId, admin.id, { term: { start: '2026-11-22' } }), 'term_invalid', 422]
        ];
        for (const [index, [body, code, status]] of cases.entries()) {
            const response = await onboard(`refused-${index}`, body);
            expect([response.statusCode, response.json<{ code: string }>().code]).toEqual([status, code]);
        }
        expect(await count(`SELECT count(*) FROM companies WHERE org_id = '${orgId}'`)).toBe(0);
    });

    it('a declined first charge (charged after the setup committed) leaves the account set up with what was due on the next bill', async () => {
        const orgId = salesforceId('00D');
        const admin = await makeUser(t.db.pool, orgId, { isAdmin: true });
        const body = request(orgId, admin.id, { fundingSource: testCard({ number: '4000000000000002' }) });
        const applied = await onboard('onboard-declined', body);
        expect(applied.statusCode).toBe(201);
        type Onboarded = {
            accountId: string;
            billing: string;
            chargedCents: number;
            pendingChargeIds: string[];
        };
        const account = applied.json<{ accounts: (Onboarded & { declined: unknown })[] }>().accounts[0]!;
        expect([account.billing, account.chargedCents]).toEqual(['next_cycle', 0]);
        expect(account.declined).toEqual({
            declineCode: 'card_declined',
            transactionNumber: expect.stringMatching(/^TRX-/) as unknown
        });
        // First month (CRM, DIALER_TAB) and the implementation service: on the next bill, tried once.
        expect(account.pendingChargeIds).toHaveLength(3);
        expect(
            await count(
                `SELECT count(*) FROM sales_transactions WHERE billing_account_id = '${account.accountId}' AND status = 'failed'`
            )
        ).toBe(1);
        const again = await onboard('onboard-declined', body);
        expect([again.statusCode, again.headers['idempotent-replayed']]).toEqual([201, 'true']);
        expect(await count(`SELECT count(*) FROM billing_accounts WHERE org_id = '${orgId}'`)).toBe(1);
        expect(await verifyLedger(t.db.pool)).toEqual([]);
    });

    function onboard(key: string, payload: object) {
        return t.app.inject({
            method: 'POST',
            url: '/ops/v1/companies',
            headers: representative.headers(key),
            payload
        });
    }

    async function count(sql: string): Promise<number> {
        const result = await t.db.pool.query<{ count: string }>(sql);
        return Number(result.rows[0]?.count);
    }
});
