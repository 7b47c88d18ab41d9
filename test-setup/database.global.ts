import { startEmbeddedPostgres } from '../service/src/db/embeddedPostgres';

const TEST_DATA_DIR = '.data/test-postgres';
const TEST_PORT = 54329;

/**
 * Node tests run against real PostgreSQL: DATABASE_URL when it is set (CI sets it to the
 * machine's server), otherwise an embedded server started here for the whole run.
 * Each test file then works in its own schema (see service/src/testing).
 */
export default async function globalSetup(): Promise<void> {
    if (process.env.DATABASE_URL) return;
    const db = await startEmbeddedPostgres(TEST_DATA_DIR, TEST_PORT);
    process.env.DATABASE_URL = db.url;
    (globalThis as { __embeddedPostgres?: typeof db }).__embeddedPostgres = db;
}
