import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import pg from 'pg';

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
