import { as } from '../testing/buildTestApp';
import { useTestApp } from '../testing/testDatabase';
import { makeAccount } from '../testing/factories';

describe('R2.7 the company’s users', () => {
    const t = useTestApp();

    it('flags deactivated users who still hold paid licenses', async () => {
        const acme = await makeAccount(t.db.pool, {
            users: 3,
            licenses: { CRM: { quantity: 3, assignedTo: 3 }, ELF: { quantity: 1, assignedTo: 1 } }
        });
        const leaver = acme.users[0]!;
        const admin = acme.users[1]!;
        await t.db.pool.query('UPDATE directory_users SET active = false WHERE user_id = $1', [leaver.id]);
        await t.db.pool.query('UPDATE directory_users SET is_admin = true WHERE user_id = $1', [admin.id]);
        const response = await t.app.inject({
            url: '/api/v1/users',
            headers: as({ orgId: acme.orgId, userId: admin.id })
        });
        expect(response.statusCode).toBe(200);
        const body = response.json<{
            users: {
                id: string;
                active: boolean;
                inactiveHoldingLicenses: boolean;
                licenses: { license: string }[];
            }[];
        }>();
        const row = body.users.find((user) => user.id === leaver.id)!;
        expect(row).toMatchObject({ active: false, inactiveHoldingLicenses: true });
        expect(row.licenses.map((held) => held.license).sort()).toEqual(['CRM', 'ELF']);
        expect(body).toMatchObject({ inactiveHolders: 1, licensesHeldByInactiveUsers: 2 });
    });
});
