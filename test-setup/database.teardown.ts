import { rm } from 'node:fs/promises';
import type { TestDatabaseRun } from './database.global';

export default async function globalTeardown(): Promise<void> {
    const run = (globalThis as { __testDatabase?: TestDatabaseRun }).__testDatabase;
    if (run === undefined) return;
    await run.db.stop();
    await rm(run.dataDir, { recursive: true, force: true });
}
