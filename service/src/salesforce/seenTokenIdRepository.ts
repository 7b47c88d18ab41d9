import type { Queryable } from '../db/pool';

/**
 * Records a token id as used. False when it was already used: a replay. The primary key
 * (org_id, jti) decides, so two servers racing on one token cannot both accept it.
 */
export async function recordTokenId(
    db: Queryable,
    orgId: string,
    jti: string,
    expiresAt: Date
): Promise<boolean> {
    const { rowCount } = await db.query(
        `INSERT INTO seen_token_ids (org_id, jti, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (org_id, jti) DO NOTHING`,
        [orgId, jti, expiresAt]
    );
    return rowCount === 1;
}

/** Forgets ids of tokens that expired before `before`: they are refused as expired anyway. */
export async function forgetExpiredTokenIds(db: Queryable, before: Date): Promise<number> {
    const { rowCount } = await db.query('DELETE FROM seen_token_ids WHERE expires_at < $1', [before]);
    return rowCount ?? 0;
}
