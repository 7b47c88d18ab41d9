import { Client } from 'pg';
import { useTestDatabase } from '../testing/testDatabase';
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

    it('lets several servers migrate at once: the same schema one after the other, other schemas side by side', async () => {
        const fresh = [`${t.db.schema}_a`, `${t.db.schema}_b`];
        try {
            await Promise.all([
                migrate(t.db.databaseUrl, fresh[0]),
                migrate(t.db.databaseUrl, fresh[0]),
                migrate(t.db.databaseUrl, fresh[1]),
                migrate(t.db.databaseUrl, fresh[1])
            ]);
            for (const schema of fresh) {
                const applied = await t.db.pool.query<{ count: string }>(
                    `SELECT count(*) FROM "${schema}".pgmigrations`
                );
                const files = await t.db.pool.query<{ count: string }>(
                    `SELECT count(*) FROM "${t.db.schema}".pgmigrations`
                );
                expect(applied.rows[0]?.count).toBe(files.rows[0]?.count);
            }
        } finally {
            const client = new Client({ connectionString: t.db.databaseUrl });
            await client.connect();
            for (const schema of fresh) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
            await client.end();
        }
    });
});
