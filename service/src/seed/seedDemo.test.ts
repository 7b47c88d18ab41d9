import { LICENSE_CODES, validateAssignmentChanges } from '../../../core/index';
import { fixedClock } from '../kernel/clock';
import { loadAssignments, loadQuantities } from '../licenses/licenseRepository';
import { verifyLedger } from '../ledger/verifyLedger';
import { createLocalProcessor } from '../payments/localProcessor';
import { as } from '../testing/buildTestApp';
import { TEST_NOW } from '../testing/factories';
import { useTestApp } from '../testing/testDatabase';
import { DEMO_ORG_ID, DEMO_USERS } from './demoCompany';
import { seedDemo } from './seedDemo';

describe('R1.1 the seeded demo company', () => {
    const t = useTestApp((pool) => ({ processor: createLocalProcessor(pool) }));

    it('is created once, obeys the license rules, and shows a real bill', async () => {
        const clock = fixedClock(TEST_NOW);
        const processor = createLocalProcessor(t.db.pool);
        const first = await seedDemo(t.db.pool, clock, processor);
        const second = await seedDemo(t.db.pool, clock, processor);
        expect([first.created, second.created]).toEqual([true, false]);
        expect(second.accountId).toBe(first.accountId);
        expect(await verifyLedger(t.db.pool)).toEqual([]);

        // Every seeded assignment is one an admin could have made (R2.2, R2.4).
        const assignments = await loadAssignments(t.db.pool, first.accountId);
        const quantities = await loadQuantities(t.db.pool, first.accountId);
        const replay = validateAssignmentChanges({
            quantities,
            assignments: [],
            changes: assignments.map((assignment) => ({ ...assignment, action: 'assign' as const }))
        });
        expect(replay.ok).toBe(true);
        expect(Object.keys(quantities).sort()).toEqual([...LICENSE_CODES].sort());

        const admin = DEMO_USERS[0]!;
        const summary = await t.app.inject({
            url: '/api/v1/summary',
            headers: as({ orgId: DEMO_ORG_ID, userId: admin.id })
        });
        const body = summary.json<{
            accounts: { name: string; recurringTotalCents: number; recentPurchases: object[] }[];
        }>();
        expect(body.accounts).toHaveLength(1);
        expect(body.accounts[0]!.name).toBe('Acme Sales – US');
        expect(body.accounts[0]!.recurringTotalCents).toBeGreaterThan(0);
        expect(body.accounts[0]!.recentPurchases.length).toBeGreaterThan(0);

        const users = await t.app.inject({
            url: '/api/v1/users',
            headers: as({ orgId: DEMO_ORG_ID, userId: admin.id })
        });
        expect(users.json()).toMatchObject({ inactiveHolders: 1 });
        const plain = DEMO_USERS[5]!;
        const refused = await t.app.inject({
            url: '/api/v1/summary',
            headers: as({ orgId: DEMO_ORG_ID, userId: plain.id })
        });
        expect(refused.statusCode).toBe(403);
    });
});
