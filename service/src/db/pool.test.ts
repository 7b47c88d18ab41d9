import { useTestDatabase } from '../testing/testDatabase';
import { createPool } from './pool';

describe('database pool', () => {
    const t = useTestDatabase();

    it('survives the server dropping an idle connection, and keeps answering', async () => {
        let reportLoss: (error: Error) => void = () => undefined;
        const lost = new Promise<Error>((resolve) => {
            reportLoss = resolve;
        });
        const pool = createPool({
            connectionString: t.db.databaseUrl,
            schema: t.db.schema,
            max: 1,
            onIdleError: (error) => {
                reportLoss(error);
            }
        });
        try {
            const client = await pool.connect();
            const backend = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
            client.release();
            await t.db.pool.query('SELECT pg_terminate_backend($1)', [backend.rows[0]!.pid]);
            expect((await lost).message).toMatch(/terminat/);
            const answer = await pool.query<{ schema: string }>('SELECT current_schema() AS schema');
            expect(answer.rows[0]!.schema).toBe(t.db.schema);
        } finally {
            await pool.end();
        }
    });
});
