import type { Queryable } from '../db/pool';
import { generateRuntimeKey } from './runtimeKeys';

export interface RuntimeKey {
    id: string;
    name: string;
    scope: 'runtime';
    createdAt: Date;
    revokedAt: Date | null;
}

interface Row {
    id: string;
    name: string;
    scope: 'runtime';
    created_at: Date;
    revoked_at: Date | null;
}

const toKey = (row: Row): RuntimeKey => ({
    id: row.id,
    name: row.name,
    scope: row.scope,
    createdAt: row.created_at,
    revokedAt: row.revoked_at
});

/** Creates a key and returns its secret: the only time the secret exists outside the caller. */
export async function createRuntimeKey(
    db: Queryable,
    input: { name: string; now: Date }
): Promise<RuntimeKey & { secret: string }> {
    const { secret, sha256 } = generateRuntimeKey();
    const result = await db.query<Row>(
        `INSERT INTO runtime_keys (name, secret_sha256, created_at) VALUES ($1, $2, $3)
         RETURNING id, name, scope, created_at, revoked_at`,
        [input.name.trim(), sha256, input.now]
    );
    const row = result.rows[0];
    if (row === undefined) throw new Error('INSERT … RETURNING returned no row');
    return { ...toKey(row), secret };
}

export async function listRuntimeKeys(db: Queryable): Promise<RuntimeKey[]> {
    const result = await db.query<Row>(
        'SELECT id, name, scope, created_at, revoked_at FROM runtime_keys ORDER BY created_at, id'
    );
    return result.rows.map(toKey);
}

/** Revokes a key (once; revoking again keeps the first time). False when there is no such key. */
export async function revokeRuntimeKey(db: Queryable, id: string, now: Date): Promise<boolean> {
    const result = await db.query(
        `UPDATE runtime_keys SET revoked_at = coalesce(revoked_at, $2)
         WHERE id::text = $1 RETURNING id`,
        [id, now]
    );
    return (result.rowCount ?? 0) > 0;
}

export async function findRuntimeKeyByHash(db: Queryable, sha256: string): Promise<RuntimeKey | undefined> {
    const result = await db.query<Row>(
        'SELECT id, name, scope, created_at, revoked_at FROM runtime_keys WHERE secret_sha256 = $1',
        [sha256]
    );
    const row = result.rows[0];
    return row === undefined ? undefined : toKey(row);
}
