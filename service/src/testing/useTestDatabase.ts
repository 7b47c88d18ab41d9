import { createTestDatabase, type TestDatabase } from './createTestDatabase';

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
