import type { Queryable } from '../db/pool';

/**
 * Every row of every table of the test schema (except migration bookkeeping), to compare before
 * and after a refused request: "nothing changed" means this is deep-equal.
 */
export async function snapshotDatabase(db: Queryable): Promise<Record<string, unknown[]>> {
    const tables = await db.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'pgmigrations'
         ORDER BY table_name`
    );
    const snapshot: Record<string, unknown[]> = {};
    for (const { table_name: table } of tables.rows) {
        const rows = await db.query(`SELECT * FROM "${table}"`);
        snapshot[table] = rows.rows.map((row) => JSON.stringify(row)).sort();
    }
    return snapshot;
}
