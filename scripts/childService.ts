import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { quoteIdentifier } from '../service/src/db/pool';

/** Test helpers: the service started as a child process (npm start, scripts/start.ts), as a user runs it. */

export const ROOT = path.resolve(__dirname, '..');
const LISTENING = /PowerDialer Billing is listening on (http:\/\/\S+)/;

export interface StartedChild {
    child: ChildProcess;
    output: () => string;
    exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs a start command in its own process group, collecting stdout and stderr. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv): StartedChild {
    const child = spawn(command, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
        output += chunk.toString();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
        child.once('exit', (code, signal) => {
            resolve({ code, signal });
        });
    });
    return { child, output: () => output, exited };
}

export async function waitForUrl(started: StartedChild): Promise<string> {
    for (;;) {
        const match = LISTENING.exec(started.output());
        if (match?.[1] !== undefined) return match[1];
        const exited = await Promise.race([
            started.exited.then(() => true),
            new Promise<false>((resolve) => {
                setTimeout(() => {
                    resolve(false);
                }, 100);
            })
        ]);
        if (exited) throw new Error(`the start command exited before listening:\n${started.output()}`);
    }
}

export async function freePort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => {
        server.listen(0, '127.0.0.1', resolve);
    });
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => {
        server.close(() => {
            resolve();
        });
    });
    return port;
}

/** Polls until nothing answers at `url` (the service stopped), or gives up after 20 s. */
export async function portClosed(url: string): Promise<boolean> {
    for (let attempt = 0; attempt < 200; attempt++) {
        try {
            await fetch(`${url}/health`);
        } catch {
            return true;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
}

export async function admin<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
        return await work(client);
    } finally {
        await client.end();
    }
}

export interface ServiceSandbox {
    /** The sandbox's own database on the DATABASE_URL server. */
    databaseUrl: string;
    /** The environment of a start in the sandbox (set in beforeAll). */
    env: () => NodeJS.ProcessEnv;
    /** Starts `scripts/start.ts` in the sandbox with `extra` on top of its environment. */
    start: (extra?: NodeJS.ProcessEnv) => StartedChild;
    /** Runs another command (e.g. `npm start`) in the sandbox. */
    run: (command: string, args: string[]) => StartedChild;
}

/**
 * For a jest suite: a fresh database and data folder, a free port, local mode without SMTP or
 * preview; every process it started is killed and both are removed after the suite.
 */
export function useServiceSandbox(prefix: string): ServiceSandbox {
    const serverUrl = process.env.DATABASE_URL ?? '';
    const database = `${prefix}_${randomBytes(5).toString('hex')}`;
    const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${database}` }).toString();
    let dataDir = '';
    let env: NodeJS.ProcessEnv = {};
    const running: StartedChild[] = [];
    const track = (started: StartedChild) => {
        running.push(started);
        return started;
    };
    beforeAll(async () => {
        await admin(serverUrl, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(database)}`));
        dataDir = await mkdtemp(path.join(os.tmpdir(), `${prefix}-`));
        env = {
            ...process.env,
            DATABASE_URL: databaseUrl,
            PORT: String(await freePort()),
            DATA_DIR: dataDir,
            PREVIEW: 'off',
            LOG_LEVEL: 'warn',
            SALESFORCE_CLIENT_ID: '',
            SERVICE_SECRET: '',
            SMTP_URL: ''
        };
    });
    afterAll(async () => {
        for (const started of running) {
            const { exitCode, signalCode, pid } = started.child;
            if (exitCode === null && signalCode === null && pid !== undefined) process.kill(-pid, 'SIGKILL');
        }
        await rm(dataDir, { recursive: true, force: true });
        await admin(serverUrl, (client) =>
            client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`)
        );
    });
    return {
        databaseUrl,
        env: () => env,
        start: (extra = {}) =>
            track(run(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/start.ts'], { ...env, ...extra })),
        run: (command, args) => track(run(command, args, env))
    };
}
