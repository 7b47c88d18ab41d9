import type { Queryable } from '../db/pool';
import { createRuntimeKey, listRuntimeKeys, revokeRuntimeKey } from './runtimeKeyRepository';

export const KEYS_USAGE = `Runtime API keys of the dialer's servers (R10.1):
  npm run keys -- create --name <name>   new key; its secret is printed once, only its SHA-256 is kept
  npm run keys -- list                   every key: id, name, scope, created, revoked
  npm run keys -- revoke <id>            the key stops working (within the 5 s key cache of each process)
Rotate without downtime: create the new key, deploy it to the dialer, then revoke the old one.`;

/**
 * The operator's command on a machine that reaches the database: prints with `print`, answers the
 * process exit code (0 done, 1 refused, 2 usage).
 */
export async function runKeysCommand(
    db: Queryable,
    argv: readonly string[],
    print: (line: string) => void,
    now: Date
): Promise<number> {
    const [command, ...rest] = argv;
    if (command === 'create') {
        const nameAt = rest.indexOf('--name');
        const name = nameAt < 0 ? undefined : rest[nameAt + 1];
        if (name === undefined || name.trim() === '' || name.length > 100) {
            print('create needs --name <name> (1 to 100 characters)');
            return 2;
        }
        const key = await createRuntimeKey(db, { name, now });
        print(`created runtime key ${key.id} (${key.name}, scope ${key.scope})`);
        print(`secret (shown once, store it in the dialer's secret store): ${key.secret}`);
        return 0;
    }
    if (command === 'list') {
        const keys = await listRuntimeKeys(db);
        if (keys.length === 0) print('no runtime keys');
        for (const key of keys) {
            const state = key.revokedAt === null ? 'valid' : `revoked ${key.revokedAt.toISOString()}`;
            print(`${key.id}  ${key.name}  ${key.scope}  created ${key.createdAt.toISOString()}  ${state}`);
        }
        return 0;
    }
    if (command === 'revoke' && rest[0] !== undefined) {
        if (!(await revokeRuntimeKey(db, rest[0], now))) {
            print(`there is no runtime key ${rest[0]}`);
            return 1;
        }
        print(`revoked runtime key ${rest[0]}`);
        return 0;
    }
    print(KEYS_USAGE);
    return 2;
}
