import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/pool';

export const OPERATOR_ROLES = ['representative', 'finance'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

/** An operator (the vendor's staff) proven by a personal token (R11.1). */
export interface Operator {
    tokenId: string;
    name: string;
    role: OperatorRole;
}

export interface OperatorTokenRecord extends Operator {
    createdAt: string;
    revokedAt: string | null;
}

/** Every operator token starts so; a Salesforce JWT or a runtime key never does. */
export const OPERATOR_TOKEN_PREFIX = 'pdo_';

export function hashOperatorToken(token: string): string {
    return createHash('sha256').update(token).digest('hex');
}

/** Creates a token and returns it in clear text, the only time it is ever seen: only its hash is kept. */
export async function createOperatorToken(
    db: Queryable,
    input: { name: string; role: OperatorRole; now: Date }
): Promise<{ token: string; record: OperatorTokenRecord }> {
    const token = OPERATOR_TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const result = await db.query<Row>(
        `INSERT INTO operator_tokens (name, role, token_hash, created_at) VALUES ($1, $2, $3, $4)
         RETURNING id, name, role, created_at, revoked_at`,
        [input.name.trim(), input.role, hashOperatorToken(token), input.now]
    );
    return { token, record: toRecord(firstRow(result.rows)) };
}

export async function listOperatorTokens(db: Queryable): Promise<OperatorTokenRecord[]> {
    const result = await db.query<Row>(
        'SELECT id, name, role, created_at, revoked_at FROM operator_tokens ORDER BY created_at, id'
    );
    return result.rows.map(toRecord);
}

/** Revokes one token; false when there is no live token with that id. */
export async function revokeOperatorToken(db: Queryable, tokenId: string, now: Date): Promise<boolean> {
    const result = await db.query(
        'UPDATE operator_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL',
        [tokenId, now]
    );
    return result.rowCount === 1;
}

/** The live operator holding `token`, or undefined (unknown or revoked). */
export async function findOperatorByToken(db: Queryable, token: string): Promise<Operator | undefined> {
    const result = await db.query<Row>(
        `SELECT id, name, role, created_at, revoked_at FROM operator_tokens
         WHERE token_hash = $1 AND revoked_at IS NULL`,
        [hashOperatorToken(token)]
    );
    const row = result.rows[0];
    return row === undefined ? undefined : { tokenId: row.id, name: row.name, role: row.role };
}

interface Row {
    id: string;
    name: string;
    role: OperatorRole;
    created_at: Date;
    revoked_at: Date | null;
}

function toRecord(row: Row): OperatorTokenRecord {
    return {
        tokenId: row.id,
        name: row.name,
        role: row.role,
        createdAt: row.created_at.toISOString(),
        revokedAt: row.revoked_at?.toISOString() ?? null
    };
}

function firstRow<T>(rows: readonly T[]): T {
    const row = rows[0];
    if (row === undefined) throw new Error('the operator token was not written');
    return row;
}
