import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPool, quoteIdentifier, type Pool } from '../db/pool';
import { migrate } from '../db/migrate';

export interface TestDatabase {
    pool: Pool;
    schema: string;
    databaseUrl: string;
    /** Closes the pool and drops the schema. Call it in afterAll. */
    cleanup(): Promise<void>;
}

/**
 * A fresh, migrated schema for one test file on the DATABASE_URL server (set by the jest global
 * setup), and a pool whose connections work in it. Test files never see each other's rows.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
    const databaseUrl = process.env.DATABASE_URL;
    if (databaseUrl === undefined || databaseUrl === '')
        throw new Error('DATABASE_URL is not set: run through jest');
    const schema = `test_${randomBytes(6).toString('hex')}`;
    await migrate(databaseUrl, schema);
    const pool = createPool({ connectionString: databaseUrl, schema, max: 12 });
    return {
        pool,
        schema,
        databaseUrl,
        cleanup: async () => {
            await pool.end();
            const admin = new pg.Client({ connectionString: databaseUrl });
            await admin.connect();
            try {
                await admin.query(`DROP SCHEMA ${quoteIdentifier(schema)} CASCADE`);
            } finally {
                await admin.end();
            }
        }
    };
}
