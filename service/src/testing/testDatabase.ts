import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { createPool, quoteIdentifier, type Pool } from '../db/pool';
import { migrate } from '../db/migrate';
import type { AppDeps } from '../kernel/appDeps';
import { buildTestApp } from './buildTestApp';

/*
 * The one way tests get a database: each test file its own migrated schema on the DATABASE_URL
 * server. useTestDatabase (or useTestApp, with the app on it) in jest files; createTestDatabase
 * where there is no jest lifecycle (bench, or a test that needs several schemas).
 */

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

/**
 * For a test file: a migrated schema made in beforeAll and dropped in afterAll.
 * `const t = useTestDatabase();` then `t.db.pool` inside tests.
 */
export function useTestDatabase(): { db: TestDatabase } {
    const context = {} as { db: TestDatabase };
    beforeAll(async () => {
        context.db = await createTestDatabase();
    });
    afterAll(async () => {
        await context.db.cleanup();
    });
    return context;
}

export interface TestApp {
    db: TestDatabase;
    app: FastifyInstance;
}

/**
 * useTestDatabase and the app on its schema, closed before the schema is dropped.
 * `const t = useTestApp((pool) => ({ processor: createLocalProcessor(pool) }));` then `t.app`, `t.db.pool`.
 */
export function useTestApp(overrides: (pool: Pool) => Partial<Omit<AppDeps, 'pool'>> = () => ({})): TestApp {
    const context = {} as TestApp;
    beforeAll(async () => {
        context.db = await createTestDatabase();
        context.app = await buildTestApp(context.db.pool, overrides(context.db.pool));
    });
    // One hook, app first: jest runs afterAll hooks in the order they were declared.
    afterAll(async () => {
        await context.app.close();
        await context.db.cleanup();
    });
    return context;
}
