import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { startEmbeddedPostgres } from '../service/src/db/embeddedPostgres';
import type { RunningPostgres } from '../service/src/db/embeddedPostgres';

/**
 * Node tests run against real PostgreSQL: DATABASE_URL when it is set (CI sets it to the
 * machine's server), otherwise an embedded server started here for the whole run.
 * Each test file then works in its own schema (see service/src/testing).
 *
 * The embedded server gets its own data folder and a free port for this run, so two runs at
 * once, or a server left behind by a killed run, never stop the next one from starting.
 */
export default async function globalSetup(): Promise<void> {
    if (process.env.DATABASE_URL) return;
    const dataDir = `.data/test-postgres-${process.pid}`;
    await rm(dataDir, { recursive: true, force: true });
    const db = await startEmbeddedPostgres(dataDir, await freePort());
    process.env.DATABASE_URL = db.url;
    const run: TestDatabaseRun = { db, dataDir };
    (globalThis as { __testDatabase?: TestDatabaseRun }).__testDatabase = run;
}

export interface TestDatabaseRun {
    db: RunningPostgres;
    dataDir: string;
}

function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            const port = typeof address === 'object' && address !== null ? address.port : 0;
            server.close(() => {
                resolve(port);
            });
        });
    });
}
