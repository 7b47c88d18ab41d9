import { useTestDatabase } from '../testing/testDatabase';
import { SIDE_POOL_APPLICATION_NAME, sidePoolFor } from './sidePool';

describe('the side pool for writes made while a request holds a connection', () => {
    const t = useTestDatabase();

    it('is one pool per request pool, in the same schema', async () => {
        expect(sidePoolFor(t.db.pool)).toBe(sidePoolFor(t.db.pool));
        const session = await sidePoolFor(t.db.pool).query<{ schema: string; name: string }>(
            "SELECT current_schema() AS schema, current_setting('application_name') AS name"
        );
        expect(session.rows[0]).toEqual({ schema: t.db.schema, name: SIDE_POOL_APPLICATION_NAME });
    });

    it('survives its idle connections being closed by the server, and reconnects', async () => {
        const side = sidePoolFor(t.db.pool);
        const backend = await side.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        const dropped = new Promise<void>((resolve) => {
            side.once('error', () => {
                resolve();
            });
        });
        await t.db.pool.query('SELECT pg_terminate_backend($1)', [backend.rows[0]?.pid]);
        await dropped;
        const again = await side.query<{ one: number }>('SELECT 1 AS one');
        expect(again.rows).toEqual([{ one: 1 }]);
    });
});
