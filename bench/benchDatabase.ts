import { startEmbeddedPostgres } from '../service/src/db/embeddedPostgres';
import { createTestDatabase, type TestDatabase } from '../service/src/testing/testDatabase';

const BENCH_DATA_DIR = '.data/bench-postgres';
const BENCH_PORT = 54328;

/**
 * A fresh migrated schema, like a test file gets: on DATABASE_URL's server, or on an embedded
 * server (data in .data/bench-postgres) when DATABASE_URL is not set. `close` drops it all.
 */
export async function openBenchDatabase(): Promise<{
    db: TestDatabase;
    server: string;
    close: () => Promise<void>;
}> {
    const given = process.env.DATABASE_URL;
    const embedded =
        given === undefined || given === ''
            ? await startEmbeddedPostgres(BENCH_DATA_DIR, BENCH_PORT)
            : undefined;
    if (embedded !== undefined) process.env.DATABASE_URL = embedded.url;
    const db = await createTestDatabase();
    return {
        db,
        server: embedded === undefined ? 'DATABASE_URL' : `embedded PostgreSQL (${BENCH_DATA_DIR})`,
        close: async () => {
            await db.cleanup();
            await embedded?.stop();
        }
    };
}
