import type { Queryable } from '../db/pool';

/** Resolves when the database answers a statement. */
export async function pingDatabase(db: Queryable): Promise<void> {
    await db.query('SELECT 1');
}
