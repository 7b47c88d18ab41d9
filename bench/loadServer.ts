import pino from 'pino';
import { createPool, poolLimitsFromEnv } from '../service/src/db/pool';
import { buildApp } from '../service/src/app/buildApp';
import { localDirectory } from '../service/src/identity/directoryUserRepository';
import { systemClock } from '../service/src/kernel/clock';
import { createLogger } from '../service/src/kernel/logger';
import { createLocalProcessor } from '../service/src/payments/localProcessor';
import { JwtAuthenticator } from '../service/src/salesforce/jwtAuthenticator';

/**
 * The service as production assembles it (JWT authenticator, pool limits from the environment, the
 * local processor, pino at LOG_LEVEL, default 'info'), on the bench's schema, in a process of its
 * own so that the load generator does not share its event loop. Prints `LISTENING <url>`.
 */
async function main(): Promise<void> {
    const connectionString = process.env.BENCH_DATABASE_URL ?? '';
    const schema = process.env.BENCH_SCHEMA ?? '';
    const pool = createPool({ connectionString, schema, ...poolLimitsFromEnv(process.env) });
    const app = await buildApp({
        pool,
        clock: systemClock,
        authenticator: new JwtAuthenticator({
            pool,
            clock: systemClock,
            tokenIdPool: createPool({ connectionString, schema, max: 4, synchronousCommit: false })
        }),
        directory: localDirectory(pool),
        processor: createLocalProcessor(pool),
        serviceSecret: 'bench-secret-bench-secret-bench-secret',
        logger: createLogger({
            level: process.env.LOG_LEVEL ?? 'info',
            destination: pino.destination({ dest: '/dev/null', sync: false })
        })
    });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    console.log(`LISTENING ${url}`);
    process.once('SIGTERM', () => {
        void app
            .close()
            .then(() => pool.end())
            .then(() => process.exit(0));
    });
}

main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
});
