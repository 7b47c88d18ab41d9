import type { Tx } from '../db/pool';

/** The SQL of idempotency_keys: one row per (company, client key), holding the first answer. */

export interface StoredAnswer {
    requestHash: string;
    /** Null while the first request with this key is still being made. */
    responseStatus: number | null;
    responseBody: unknown;
}

/** True when this request is the key's first; false when the key was used before. */
export async function insertIdempotencyKey(
    tx: Tx,
    key: { orgId: string; key: string; requestHash: string; at: Date }
): Promise<boolean> {
    const inserted = await tx.query(
        `INSERT INTO idempotency_keys (org_id, key, request_hash, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (org_id, key) DO NOTHING`,
        [key.orgId, key.key, key.requestHash, key.at]
    );
    return inserted.rowCount === 1;
}

export async function findStoredAnswer(
    tx: Tx,
    orgId: string,
    key: string
): Promise<StoredAnswer | undefined> {
    const stored = await tx.query<{
        request_hash: string;
        response_status: number | null;
        response_body: unknown;
    }>(
        'SELECT request_hash, response_status, response_body FROM idempotency_keys WHERE org_id = $1 AND key = $2',
        [orgId, key]
    );
    const row = stored.rows[0];
    return row === undefined
        ? undefined
        : {
              requestHash: row.request_hash,
              responseStatus: row.response_status,
              responseBody: row.response_body
          };
}

export async function storeAnswer(
    tx: Tx,
    key: { orgId: string; key: string },
    answer: { status: number; body: unknown }
): Promise<void> {
    await tx.query(
        'UPDATE idempotency_keys SET response_status = $3, response_body = $4 WHERE org_id = $1 AND key = $2',
        [key.orgId, key.key, answer.status, JSON.stringify(answer.body)]
    );
}
