import type { Pool, Tx } from './pool';

/**
 * Runs `work` in one READ COMMITTED transaction and commits, or rolls back on any error.
 *
 * Why not SERIALIZABLE: its conflicts surface as retryable failures that every caller would
 * have to loop on. Our mutations are all scoped to one billing account, so each one locks that
 * account's row first (`lockBillingAccount`, `SELECT … FOR UPDATE`): conflicting changes to
 * one account queue behind each other, unrelated accounts run in parallel, and nothing retries.
 */
export async function withTransaction<T>(pool: Pool, work: (tx: Tx) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query('COMMIT');
        return result;
    } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
    } finally {
        client.release();
    }
}
