import pg from 'pg';
import { quoteIdentifier } from '../db/pool';

/** For a test file: a queue schema name of its own (pg-boss creates it), dropped in afterAll. */
export function useTestQueue(): { schema: string } {
    const context = { schema: `queue_${Math.random().toString(36).slice(2, 10)}` };
    afterAll(async () => {
        const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await admin.connect();
        try {
            await admin.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(context.schema)} CASCADE`);
        } finally {
            await admin.end();
        }
    });
    return context;
}
