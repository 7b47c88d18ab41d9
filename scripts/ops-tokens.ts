/*
 * Operator tokens of the back office (issue 14): `DATABASE_URL=… npm run ops-tokens -- create --name … --role …`.
 */
import { migrate } from '../service/src/db/migrate';
import { createPool } from '../service/src/db/pool';
import { runOperatorTokensCli } from '../service/src/ops/cli/operatorTokensCli';

async function main(): Promise<void> {
    const databaseUrl = process.env.DATABASE_URL;
    if (databaseUrl === undefined || databaseUrl === '') {
        throw new Error('Set DATABASE_URL to the service database (see npm run ops-tokens -- --help).');
    }
    await migrate(databaseUrl);
    const pool = createPool({ connectionString: databaseUrl, max: 1 });
    try {
        process.exitCode = await runOperatorTokensCli(process.argv.slice(2), {
            db: pool,
            now: new Date(),
            print: (text) => {
                console.log(text);
            }
        });
    } finally {
        await pool.end();
    }
}

main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
});
