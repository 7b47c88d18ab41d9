import { useTestDatabase } from '../testing/testDatabase';
import { makeCompany, makeUser } from '../testing/factories';
import { localDirectory } from './directoryUserRepository';

describe('R1.3 R1.4 local user directory', () => {
    const t = useTestDatabase();

    it('finds an org’s users with their admin and active flags, and never another org’s', async () => {
        const acme = await makeCompany(t.db.pool);
        const other = await makeCompany(t.db.pool);
        const admin = await makeUser(t.db.pool, acme, { name: 'Ada Admin', isAdmin: true });
        const leaver = await makeUser(t.db.pool, acme, { name: 'Bob Leaver', active: false });
        const outsider = await makeUser(t.db.pool, other, { name: 'Olga Outsider', isAdmin: true });
        const directory = localDirectory(t.db.pool);

        expect(await directory.getUser(acme, admin.id)).toEqual(admin);
        expect(await directory.getUser(acme, outsider.id)).toBeUndefined();
        expect(await directory.listUsers(acme)).toEqual([admin, leaver]);
    });
});
