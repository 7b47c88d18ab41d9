import path from 'node:path';
import { runner } from 'node-pg-migrate';

export const MIGRATIONS_DIR = path.resolve(__dirname, '../migrations');

/**
 * Applies every pending migration of service/src/migrations (SQL files, numbered) to `schema`.
 * Migrations are never edited once committed: changes are new numbered files.
 */
export async function migrate(databaseUrl: string, schema = 'public'): Promise<void> {
    await runner({
        databaseUrl,
        dir: MIGRATIONS_DIR,
        direction: 'up',
        migrationsTable: 'pgmigrations',
        schema,
        createSchema: true,
        checkOrder: true,
        singleTransaction: true,
        log: () => undefined,
        verbose: false
    });
}
