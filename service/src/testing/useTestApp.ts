import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../kernel/appDeps';
import type { Pool } from '../db/pool';
import { buildTestApp } from './buildTestApp';
import { createTestDatabase, type TestDatabase } from './createTestDatabase';

export interface TestApp {
    db: TestDatabase;
    app: FastifyInstance;
}

/**
 * For a test file: a migrated schema and the app on it, made in beforeAll and removed in afterAll.
 * `const t = useTestApp((pool) => ({ processor: createLocalProcessor(pool) }));` then `t.app`, `t.db.pool`.
 */
export function useTestApp(overrides: (pool: Pool) => Partial<Omit<AppDeps, 'pool'>> = () => ({})): TestApp {
    const context = {} as TestApp;
    beforeAll(async () => {
        context.db = await createTestDatabase();
        context.app = await buildTestApp(context.db.pool, overrides(context.db.pool));
    });
    afterAll(async () => {
        await context.app.close();
        await context.db.cleanup();
    });
    return context;
}
