import type { Queryable, Tx } from '../db/pool';
import { serviceError } from '../kernel/serviceError';

/** One operator change's Idempotency-Key and the hash of its request. */
export interface KeyClaim {
    operatorName: string;
    key: string;
    requestHash: string;
}

export interface Answer {
    status: number;
    body: unknown;
    replayed: boolean;
}

/** The answer stored under this key (a replay), undefined when it is new; 409 when it is another change's. */
export async function storedAnswer(db: Queryable, claim: KeyClaim): Promise<Answer | undefined> {
    const stored = await db.query<{
        request_hash: string;
        response_status: number | null;
        response_body: unknown;
    }>(
        'SELECT request_hash, response_status, response_body FROM operator_idempotency_keys WHERE operator_name = $1 AND key = $2',
        [claim.operatorName, claim.key]
    );
    const row = stored.rows[0];
    if (row === undefined) return undefined;
    if (row.request_hash !== claim.requestHash) {
        throw serviceError(
            'idempotency_key_reused',
            'This Idempotency-Key was already used for a different change; use a new key for a new change.'
        );
    }
    if (row.response_status === null) {
        throw serviceError(
            'idempotency_request_in_progress',
            'This change is still being made; retry in a moment.'
        );
    }
    return { status: row.response_status, body: row.response_body, replayed: true };
}

export async function claimKey(tx: Tx, claim: KeyClaim, now: Date): Promise<Answer | undefined> {
    const inserted = await tx.query(
        `INSERT INTO operator_idempotency_keys (operator_name, key, request_hash, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (operator_name, key) DO NOTHING`,
        [claim.operatorName, claim.key, claim.requestHash, now]
    );
    if (inserted.rowCount === 1) return undefined;
    return storedAnswer(tx, claim);
}

export async function storeAnswer(
    tx: Tx,
    claim: KeyClaim,
    answer: { status: number; body: unknown }
): Promise<void> {
    await tx.query(
        `UPDATE operator_idempotency_keys SET response_status = $3, response_body = $4
         WHERE operator_name = $1 AND key = $2`,
        [claim.operatorName, claim.key, answer.status, JSON.stringify(answer.body)]
    );
}
