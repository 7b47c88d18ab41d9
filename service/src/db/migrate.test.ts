import { createTestDatabase, type TestDatabase } from '../testing/createTestDatabase';
import { migrate } from './migrate';

describe('migrations', () => {
    let db: TestDatabase;
    beforeAll(async () => {
        db = await createTestDatabase();
    });
    afterAll(async () => {
        await db.cleanup();
    });

    it('creates the tables in the test schema only, and a second run changes nothing', async () => {
        await migrate(db.databaseUrl, db.schema);
        const tables = await db.pool.query<{ table_name: string }>(
            'SELECT table_name FROM information_schema.tables WHERE table_schema = $1',
            [db.schema]
        );
        const names = tables.rows.map((row) => row.table_name);
        expect(names).toEqual(
            expect.arrayContaining(['companies', 'billing_accounts', 'ledger_entries', 'audit_log'])
        );
        const applied = await db.pool.query('SELECT name FROM pgmigrations');
        expect(applied.rowCount).toBeGreaterThanOrEqual(1);
    });
});
