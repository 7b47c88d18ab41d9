import { createPool } from '../service/src/db/pool';
import { runKeysCommand } from '../service/src/runtime/keysCommand';

/** `npm run keys -- create --name telephony-east | list | revoke <id>` against DATABASE_URL (migrated by the service). */
async function main(): Promise<number> {
    const databaseUrl = process.env.DATABASE_URL;
    if (databaseUrl === undefined || databaseUrl === '') {
        console.error('Set DATABASE_URL to the service database.');
        return 2;
    }
    const pool = createPool({ connectionString: databaseUrl, max: 1 });
    try {
        return await runKeysCommand(
            pool,
            process.argv.slice(2),
            (line) => {
                console.log(line);
            },
            new Date()
        );
    } finally {
        await pool.end();
    }
}

main().then(
    (code) => process.exit(code),
    (error: unknown) => {
        console.error(error);
        process.exit(1);
    }
);
