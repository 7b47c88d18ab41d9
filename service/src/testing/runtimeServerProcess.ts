import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createPool } from '../db/pool';
import { createLogger } from '../kernel/logger';
import { buildTestApp } from './buildTestApp';

/**
 * The service in a child process of its own on a test schema (DATABASE_URL + schema), listening on a
 * free port: several of them share one database like production servers do.
 */
export async function startServiceProcess(input: {
    databaseUrl: string;
    schema: string;
}): Promise<{ url: string; stop: () => Promise<void> }> {
    const child = spawn(process.execPath, ['--import', 'tsx', __filename], {
        env: { ...process.env, DATABASE_URL: input.databaseUrl, SERVICE_PROCESS_SCHEMA: input.schema },
        stdio: ['ignore', 'pipe', 'inherit']
    });
    const url = await firstLine(child);
    return {
        url,
        stop: () =>
            new Promise<void>((resolve) => {
                child.once('exit', () => {
                    resolve();
                });
                child.kill('SIGTERM');
            })
    };
}

function firstLine(child: ChildProcess): Promise<string> {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            reject(new Error('the service process did not start in 90 s'));
        }, 90_000);
        child.once('exit', (code) => {
            reject(new Error(`the service process exited (${String(code)})`));
        });
        if (child.stdout === null) throw new Error('spawned without a stdout pipe');
        createInterface({ input: child.stdout }).once('line', (line) => {
            clearTimeout(timer);
            resolve(line.trim());
        });
    });
}

async function serve(): Promise<void> {
    const pool = createPool({
        connectionString: process.env.DATABASE_URL ?? '',
        schema: process.env.SERVICE_PROCESS_SCHEMA ?? 'public',
        max: 10
    });
    const app = await buildTestApp(pool, { logger: createLogger({ level: 'warn' }) });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    process.stdout.write(`${url}\n`);
    process.once('SIGTERM', () => {
        void app
            .close()
            .then(() => pool.end())
            .then(() => process.exit(0));
    });
}

if (require.main === module) {
    serve().catch((error: unknown) => {
        console.error(error);
        process.exit(1);
    });
}
