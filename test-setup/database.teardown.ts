import type { RunningPostgres } from '../service/src/db/embeddedPostgres';

export default async function globalTeardown(): Promise<void> {
    const db = (globalThis as { __embeddedPostgres?: RunningPostgres }).__embeddedPostgres;
    await db?.stop();
}
