import type { Queryable } from '../db/pool';

/** One started "Connect" (table salesforce_connect_attempts). */
export interface ConnectAttempt {
    stateHash: string;
    browserHash: string;
    codeVerifier: string;
    orgId: string | undefined;
    certificateName: string;
    expiresAt: Date;
}

interface ConnectAttemptRow {
    state_hash: string;
    browser_hash: string;
    code_verifier: string;
    org_id: string | null;
    certificate_name: string;
    expires_at: Date;
}

export async function saveConnectAttempt(db: Queryable, attempt: ConnectAttempt, now: Date): Promise<void> {
    await db.query(
        `INSERT INTO salesforce_connect_attempts
             (state_hash, browser_hash, code_verifier, org_id, certificate_name, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
            attempt.stateHash,
            attempt.browserHash,
            attempt.codeVerifier,
            attempt.orgId ?? null,
            attempt.certificateName,
            now,
            attempt.expiresAt
        ]
    );
}

/** Takes the attempt out (a state works once); undefined when unknown, used or expired. */
export async function takeConnectAttempt(
    db: Queryable,
    stateHash: string,
    now: Date
): Promise<ConnectAttempt | undefined> {
    const { rows } = await db.query<ConnectAttemptRow>(
        `DELETE FROM salesforce_connect_attempts WHERE state_hash = $1
         RETURNING state_hash, browser_hash, code_verifier, org_id, certificate_name, expires_at`,
        [stateHash]
    );
    const row = rows[0];
    if (row === undefined || row.expires_at <= now) return undefined;
    return {
        stateHash: row.state_hash,
        browserHash: row.browser_hash,
        codeVerifier: row.code_verifier,
        orgId: row.org_id ?? undefined,
        certificateName: row.certificate_name,
        expiresAt: row.expires_at
    };
}

export async function forgetExpiredConnectAttempts(db: Queryable, now: Date): Promise<number> {
    const { rowCount } = await db.query('DELETE FROM salesforce_connect_attempts WHERE expires_at <= $1', [
        now
    ]);
    return rowCount ?? 0;
}
