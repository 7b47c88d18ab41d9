import { Client } from 'pg';

describe('test database', () => {
    it('is a real PostgreSQL server', async () => {
        const client = new Client({ connectionString: process.env.DATABASE_URL });
        await client.connect();
        const { rows } = await client.query<{ server_version_num: string }>('show server_version_num');
        await client.end();
        expect(Number(rows[0]?.server_version_num)).toBeGreaterThan(140000);
    });
});
