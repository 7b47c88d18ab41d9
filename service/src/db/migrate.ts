import path from 'node:path';
import { Client } from 'pg';
import { runner } from 'node-pg-migrate';

export const MIGRATIONS_DIR = path.resolve(__dirname, '../migrations');

/**
 * Applies every pending migration of service/src/migrations (SQL files, numbered) to `schema`.
 * Migrations are never edited once committed: changes are new numbered files.
 *
 * node-pg-migrate's own lock is one advisory lock for the whole server, taken with try-lock: a
 * second migration anywhere on the server fails at once ("Another migration is already running").
 * Instead, this waits on an advisory lock of its own schema, so servers starting together migrate
 * one after the other, and migrations of other schemas (each test file's) never block.
 */
export async function migrate(databaseUrl: string, schema = 'public'): Promise<void> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    const lockKey = `powerdialer-billing:migrate:${schema}`;
    try {
        await client.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
        await runner({
            dbClient: client,
            dir: MIGRATIONS_DIR,
            direction: 'up',
            migrationsTable: 'pgmigrations',
            schema,
            createSchema: true,
            checkOrder: true,
            singleTransaction: true,
            noLock: true,
            log: () => undefined,
            verbose: false
        });
    } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]).catch(() => undefined);
        await client.end();
    }
}
