import { as } from '../testing/buildTestApp';
import { useTestApp } from '../testing/testDatabase';
import { makeAccount } from '../testing/factories';

describe('R6.3 View Storage', () => {
    const t = useTestApp();

    it('shows usage by kind, the allowance for the users, the fee and the ways to lower it (8 users, 500 MB → $30)', async () => {
        const acme = await makeAccount(t.db.pool, {
            users: 8,
            licenses: { CRM: { quantity: 8, assignedTo: 8 } }
        });
        for (const [day, kind, megabytes] of [
            ['2026-10-31', 'records', 999],
            ['2026-11-21', 'records', 200],
            ['2026-11-21', 'files', 250],
            ['2026-11-21', 'data_lists', 50]
        ] as const) {
            await t.db.pool.query(
                'INSERT INTO storage_usage (billing_account_id, measured_on, kind, megabytes) VALUES ($1, $2, $3, $4)',
                [acme.accountId, day, kind, megabytes]
            );
        }
        const response = await t.app.inject({
            url: `/api/v1/accounts/${acme.accountId}/storage`,
            headers: as({ orgId: acme.orgId, userId: acme.admin.id })
        });
        const MB = 1024 * 1024;
        expect(response.json()).toMatchObject({
            measuredOn: '2026-11-21',
            users: 8,
            allowanceBytes: 400 * MB,
            usageBytes: 500 * MB,
            byKind: { records: 200 * MB, filesAndRecordings: 250 * MB, dataLists: 50 * MB },
            fee: 3000,
            feeCoversUpToBytes: 1024 * MB
        });
        expect(response.json<{ waysToLower: string[] }>().waysToLower).toHaveLength(3);
    });
});
