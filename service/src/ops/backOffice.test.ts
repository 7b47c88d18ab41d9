import { addTestCard } from '../funding/testing';
import { verifyLedger } from '../ledger/verifyLedger';
import { balanceOf } from '../ledger/balanceOf';
import { loadContractTerms } from '../licenses/licenseRepository';
import { createLocalProcessor } from '../payments/localProcessor';
import { runBillingCycle } from '../cycle/runBillingCycle';
import { as } from '../testing/buildTestApp';
import { concreteUrl, documentedRoutes } from '../testing/documentedRoutes';
import { makeAccount, TEST_NOW, type TestAccount } from '../testing/factories';
import { fuzzEndpoints } from '../testing/fuzzEndpoints';
import { makeOperator, type TestOperator } from '../testing/operators';
import { useTestApp } from '../testing/testDatabase';
import { withTransaction } from '../db/withTransaction';
import { takePendingCharges } from './pendingChargeRepository';

jest.setTimeout(180_000);

/** TEST_NOW: 2026-11-22 in New York. The factory's contract runs 2026-06-01 – 2027-05-31. */
describe('R11 the back office: contracts, charges, credits, refunds, toll-free lines, support view', () => {
    const t = useTestApp((pool) => ({ processor: createLocalProcessor(pool) }));
    let acme: TestAccount;
    let representative: TestOperator;
    let finance: TestOperator;
    let base: string;
    beforeAll(async () => {
        acme = await makeAccount(t.db.pool, {
            users: 5,
            licenses: {
                CRM: { quantity: 6, floor: 5, unitPriceCents: 6500, assignedTo: 4 },
                TOLL_FREE: { quantity: 1, unitPriceCents: 1500 }
            }
        });
        await addTestCard(t.db.pool, createLocalProcessor(t.db.pool), acme.accountId, TEST_NOW);
        representative = await makeOperator(t.db.pool, 'representative');
        finance = await makeOperator(t.db.pool, 'finance');
        base = `/ops/v1/companies/${acme.orgId}/accounts/${acme.accountId}`;
    });
    afterEach(async () => {
        expect(await verifyLedger(t.db.pool)).toEqual([]);
    });

    const post = (operator: TestOperator, path: string, key: string, payload: unknown) =>
        t.app.inject({
            method: 'POST',
            url: `${base}${path}`,
            headers: operator.headers(key),
            payload: payload as object
        });
    const admin = () => as({ orgId: acme.orgId, userId: acme.admin.id });

    it('amends the contract effective on a date: history kept, the next cycle bills the contract in force on the 1st', async () => {
        const amendment = {
            kind: 'amendment',
            effectiveOn: '2026-12-01',
            licenses: { CRM: { unitPriceCents: 5000, floor: 6 } }
        };
        const preview = await post(representative, '/contracts/preview', 'unused', amendment);
        expect(preview.json()).toMatchObject({
            effectiveOn: '2026-12-01',
            before: { prices: { CRM: 6500 }, floors: { CRM: 5 } },
            after: { start: '2026-06-01', end: '2027-05-31', prices: { CRM: 5000 }, floors: { CRM: 6 } },
            warnings: []
        });
        const applied = await post(representative, '/contracts', 'amend-1', amendment);
        expect(applied.statusCode).toBe(201);
        // Still November: the price in force today is the old one.
        const today = await t.app.inject({
            url: `/api/v1/accounts/${acme.accountId}/licenses`,
            headers: admin()
        });
        expect(
            today.json<{ licenses: { code: string; unitPriceCents: number }[] }>().licenses
        ).toContainEqual(expect.objectContaining({ code: 'CRM', unitPriceCents: 6500, floor: 5 }));
        const decemberFirst = new Date('2026-12-01T14:00:00Z');
        const inForce = await loadContractTerms(t.db.pool, acme.accountId, decemberFirst);
        expect([inForce.prices.CRM, inForce.contract?.floors.CRM]).toEqual([5000, 6]);
        const history = await t.app.inject({ url: `${base}/contracts`, headers: representative.headers() });
        expect(
            history
                .json<{ contracts: { changeKind: string; effectiveOn: string }[] }>()
                .contracts.map((c) => [c.changeKind, c.effectiveOn])
        ).toEqual([
            ['initial', '2026-06-01'],
            ['amendment', '2026-12-01']
        ]);
        const cycle = await runBillingCycle(
            { pool: t.db.pool, processor: createLocalProcessor(t.db.pool) },
            { accountId: acme.accountId, now: decemberFirst }
        );
        // 6 CRM at the amended $50.00 + 1 toll-free line at $15.00.
        expect(cycle).toMatchObject({ status: 'billed', totalCents: 6 * 5000 + 1500 });
    });

    it('refuses a floor below the per-user licenses held unless told so (R3.3), and a past effective date', async () => {
        const lower = { kind: 'amendment', effectiveOn: '2026-11-23', licenses: { CRM: { floor: 3 } } };
        const refused = await post(representative, '/contracts', 'floor-1', lower);
        expect([refused.statusCode, refused.json<{ code: string }>().code]).toEqual([
            409,
            'floor_below_holdings'
        ]);
        const accepted = await post(representative, '/contracts', 'floor-2', {
            ...lower,
            acceptFloorsBelowHoldings: true
        });
        expect(accepted.statusCode).toBe(201);
        expect(accepted.json()).toMatchObject({ warnings: [{ license: 'CRM', floor: 3, held: 4 }] });
        const past = await post(representative, '/contracts', 'floor-3', {
            ...lower,
            effectiveOn: '2026-11-01'
        });
        expect(past.json<{ code: string }>().code).toBe('effective_date_invalid');
    });

    it('R7.5 charges training now (TRX # on the primary) or puts consulting on the next bill, which the cycle takes once', async () => {
        const now = await post(representative, '/charges', 'charge-1', {
            product: 'TRAINING',
            description: 'Two admin sessions',
            quantity: 2,
            unitPriceCents: 15000,
            billing: 'now'
        });
        expect(now.statusCode).toBe(201);
        const charged = now.json<{ transactionNumber: string; amountCents: number }>();
        expect(charged.amountCents).toBe(30000);
        const receipt = await t.app.inject({
            url: `/api/v1/accounts/${acme.accountId}/transactions/${charged.transactionNumber}`,
            headers: admin()
        });
        expect(receipt.json()).toMatchObject({
            kind: 'services',
            totalCents: 30000,
            lines: [{ productCode: 'TRAINING', description: 'Training: Two admin sessions' }]
        });
        const later = await post(representative, '/charges', 'charge-2', {
            product: 'CONSULTING',
            description: 'Dialer tuning',
            quantity: 3,
            unitPriceCents: 20000,
            billing: 'next_cycle'
        });
        expect(later.json()).toMatchObject({
            billing: 'next_cycle',
            amountCents: 60000,
            transactionNumber: null
        });
        // The January bill carries it once, beside the recurring licenses; a second pass bills nothing more.
        const deps = { pool: t.db.pool, processor: createLocalProcessor(t.db.pool) };
        const januaryFirst = new Date('2027-01-01T14:00:00Z');
        const cycle = await runBillingCycle(deps, { accountId: acme.accountId, now: januaryFirst });
        expect(cycle).toMatchObject({ status: 'billed', totalCents: 6 * 5000 + 1500 + 60000 });
        const bill = await t.app.inject({
            url: `/api/v1/accounts/${acme.accountId}/transactions/${(cycle as { transactionNumber: string }).transactionNumber}`,
            headers: admin()
        });
        expect(bill.json<{ lines: { productCode: string; amountCents: number }[] }>().lines).toEqual(
            expect.arrayContaining([
                expect.objectContaining({ productCode: 'CONSULTING', amountCents: 60000 })
            ])
        );
        expect(await runBillingCycle(deps, { accountId: acme.accountId, now: januaryFirst })).toMatchObject({
            status: 'already_billed'
        });
        const [left] = await withTransaction(t.db.pool, async (tx) => [
            await takePendingCharges(tx, acme.accountId, '2027-02')
        ]);
        expect(left).toEqual([]);
    });

    it('credits and refunds are finance only, new ledger transfers, shown as their own kind and on the original', async () => {
        const transactions = await t.app.inject({ url: `${base}/transactions`, headers: finance.headers() });
        const training = transactions
            .json<{ transactions: { number: string; kind: string; totalCents: number }[] }>()
            .transactions.find(
                (transaction) => transaction.kind === 'services' && transaction.totalCents === 30000
            );
        if (training === undefined) throw new Error('the training charge of the test before is missing');
        const byRepresentative = await post(
            representative,
            `/transactions/${training.number}/refunds`,
            'refund-rep',
            { amountCents: 100 }
        );
        expect([byRepresentative.statusCode, byRepresentative.json<{ code: string }>().code]).toEqual([
            403,
            'finance_only'
        ]);
        const creditByRepresentative = await post(representative, '/credits', 'credit-rep', {
            amountCents: 100,
            description: 'x'
        });
        expect(creditByRepresentative.statusCode).toBe(403);

        const refund = await post(finance, `/transactions/${training.number}/refunds`, 'refund-1', {
            amountCents: 10000
        });
        expect(refund.statusCode).toBe(201);
        const replay = await post(finance, `/transactions/${training.number}/refunds`, 'refund-1', {
            amountCents: 10000
        });
        expect(replay.json()).toEqual(refund.json());
        const refunds = await t.db.pool.query('SELECT amount_cents FROM local_processor_refund');
        expect(refunds.rows).toEqual([{ amount_cents: 10000 }]);
        const tooMuch = await post(finance, `/transactions/${training.number}/refunds`, 'refund-2', {
            amountCents: 20001
        });
        expect([tooMuch.statusCode, tooMuch.json<{ code: string }>().code]).toEqual([
            409,
            'refund_exceeds_transaction'
        ]);
        const rest = await post(finance, `/transactions/${training.number}/refunds`, 'refund-3', {});
        expect(rest.json()).toMatchObject({ amountCents: 20000, refundOf: training.number });

        const credit = await post(finance, '/credits', 'credit-1', {
            amountCents: 2500,
            description: 'Sorry for the outage'
        });
        expect(credit.statusCode).toBe(201);
        expect((await balanceOf(t.db.pool, acme.accountId, 'minutes_prepaid')).postedCents).toBe(2500);

        const listed = await t.app.inject({
            url: `/api/v1/accounts/${acme.accountId}/transactions`,
            headers: admin()
        });
        const body = listed.json<{
            transactions: { kind: string; totalCents: number }[];
            totals: Record<string, number>;
        }>();
        expect(
            body.transactions
                .filter((transaction) => ['refund', 'credit'].includes(transaction.kind))
                .map((transaction) => transaction.totalCents)
                .sort()
        ).toEqual([10000, 20000, 2500].sort());
        expect(body.totals.credits).toBe(32500);
        const original = await t.app.inject({
            url: `${base}/transactions/${training.number}`,
            headers: finance.headers()
        });
        expect(
            original.json<{ refunds: { amountCents: number }[] }>().refunds.map((r) => r.amountCents)
        ).toEqual([10000, 20000]);
        const receipt = await t.app.inject({
            url: `/api/v1/accounts/${acme.accountId}/transactions/${training.number}/receipt.html`,
            headers: admin()
        });
        expect(receipt.body).toContain('-$100.00');
        expect(receipt.body).toContain('-$200.00');
        const clearing = await balanceOf(t.db.pool, acme.accountId, 'processor_clearing');
        // Training, the December and January bills (January's with the consulting), less the training refund.
        expect(clearing.postedCents).toBe(30000 + (6 * 5000 + 1500) + (6 * 5000 + 1500 + 60000) - 30000);
    });

    it('records toll-free lines against TOLL_FREE and the Products answer shows them', async () => {
        const connected = await post(representative, '/toll-free-lines', 'line-1', {
            phoneNumber: '(800) 555-0199'
        });
        expect(connected.json()).toMatchObject({ phoneNumber: '+18005550199' });
        const second = await post(representative, '/toll-free-lines', 'line-2', {
            phoneNumber: '1-888-555-0100'
        });
        expect(second.json<{ code: string }>().code).toBe('toll_free_limit');
        const invalid = await post(representative, '/toll-free-lines', 'line-3', {
            phoneNumber: '415 555 0100'
        });
        expect(invalid.json<{ code: string }>().code).toBe('toll_free_number_invalid');
        const licenses = await t.app.inject({
            url: `/api/v1/accounts/${acme.accountId}/licenses`,
            headers: admin()
        });
        expect(licenses.json()).toMatchObject({ tollFreeLines: [{ phoneNumber: '+18005550199' }] });
    });

    it('R11.2 audits every operator read and change, shown to the admins as PowerDialer support', async () => {
        const before = await auditCount();
        const read = await t.app.inject({ url: `${base}/cancellation`, headers: representative.headers() });
        expect(read.json()).toMatchObject({ status: 'active' });
        expect(await auditCount()).toBe(before + 1);
        const audit = await t.app.inject({
            url: `/api/v1/accounts/${acme.accountId}/audit`,
            headers: admin()
        });
        const records = audit.json<{
            records: {
                action: string;
                actor: string;
                firstName: string;
                lastName: string;
                reason: string | null;
            }[];
        }>().records;
        const support = records.filter((record) => record.actor === 'support');
        expect(
            support.every(
                (record) =>
                    record.firstName === 'PowerDialer' &&
                    record.lastName === 'support' &&
                    record.reason === 'Ticket 42: test'
            )
        ).toBe(true);
        expect(new Set(support.map((record) => record.action))).toEqual(
            new Set([
                'support.read.preview.contract_change',
                'support.contract_amendment',
                'support.read.contracts',
                'support.charge_added',
                'support.read.transactions',
                'support.refund_given',
                'support.read.transaction',
                'support.credit_given',
                'support.toll_free_connected',
                'support.read.cancellation'
            ])
        );
        const changes = await t.db.pool.query<{ count: string }>(
            'SELECT count(*) FROM operator_idempotency_keys WHERE response_status BETWEEN 200 AND 299'
        );
        const audited = await t.db.pool.query<{ count: string }>(
            'SELECT count(DISTINCT idempotency_key) FROM audit_log WHERE operator_name IS NOT NULL AND idempotency_key IS NOT NULL'
        );
        expect(Number(audited.rows[0]?.count)).toBe(Number(changes.rows[0]?.count));
    });

    it('answers a reason-less or key-less request with a 4xx, and never a 5xx to any generated /ops request', async () => {
        const noReason = await t.app.inject({
            url: `${base}/licenses`,
            headers: { authorization: `Bearer ${representative.token}` }
        });
        expect([noReason.statusCode, noReason.json<{ code: string }>().code]).toEqual([
            400,
            'reason_required'
        ]);
        const noKey = await t.app.inject({
            method: 'POST',
            url: `${base}/credits`,
            headers: finance.headers(),
            payload: { amountCents: 1, description: 'x' }
        });
        expect([noKey.statusCode, noKey.json<{ code: string }>().code]).toEqual([
            400,
            'idempotency_key_required'
        ]);
        const routes = documentedRoutes(t.app, 'ops');
        expect(routes.length).toBeGreaterThanOrEqual(17);
        const ids = {
            orgId: acme.orgId,
            accountId: acme.accountId,
            number: 'TRX-000001',
            lineId: '00000000-0000-4000-8000-000000000000'
        };
        const failures = await fuzzEndpoints({
            app: t.app,
            routes: routes.map((route) => ({
                method: route.method,
                url: concreteUrl(route, ids),
                fields: route.fields,
                query: route.query
            })),
            headers: finance.headers(),
            numRuns: 20
        });
        expect(failures).toEqual([]);
    });

    async function auditCount(): Promise<number> {
        const result = await t.db.pool.query<{ count: string }>(
            'SELECT count(*) FROM audit_log WHERE operator_name IS NOT NULL'
        );
        return Number(result.rows[0]?.count);
    }
});
