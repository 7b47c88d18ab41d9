import { useTestDatabase } from '../testing/useTestDatabase';
import { migrate } from './migrate';

describe('migrations', () => {
    const t = useTestDatabase();

    it('creates the tables in the test schema only, and a second run changes nothing', async () => {
        await migrate(t.db.databaseUrl, t.db.schema);
        const tables = await t.db.pool.query<{ table_name: string }>(
            'SELECT table_name FROM information_schema.tables WHERE table_schema = $1',
            [t.db.schema]
        );
        const names = tables.rows.map((row) => row.table_name);
        expect(names).toEqual(
            expect.arrayContaining(['companies', 'billing_accounts', 'ledger_entries', 'audit_log'])
        );
        const applied = await t.db.pool.query('SELECT name FROM pgmigrations');
        expect(applied.rowCount).toBeGreaterThanOrEqual(1);
    });
});
