import { createTestDatabase, type TestDatabase } from '../testing/createTestDatabase';
import { makeCompany, makeUser } from '../testing/factories';
import { localDirectory } from './localDirectory';

describe('R1.3 R1.4 local user directory', () => {
    let db: TestDatabase;
    beforeAll(async () => {
        db = await createTestDatabase();
    });
    afterAll(async () => {
        await db.cleanup();
    });

    it('finds an org’s users with their admin and active flags, and never another org’s', async () => {
        const acme = await makeCompany(db.pool);
        const other = await makeCompany(db.pool);
        const admin = await makeUser(db.pool, acme, { name: 'Ada Admin', isAdmin: true });
        const leaver = await makeUser(db.pool, acme, { name: 'Bob Leaver', active: false });
        const outsider = await makeUser(db.pool, other, { name: 'Olga Outsider', isAdmin: true });
        const directory = localDirectory(db.pool);

        expect(await directory.getUser(acme, admin.id)).toEqual(admin);
        expect(await directory.getUser(acme, outsider.id)).toBeUndefined();
        expect(await directory.listUsers(acme)).toEqual([admin, leaver]);
    });
});
