import type { Queryable, Tx } from '../db/pool';
import type { Authorization } from '../kernel/terms';

export interface AuditEntry {
    orgId: string;
    billingAccountId: string | null;
    userId: string;
    authorization: Authorization;
    action: string;
    before: unknown;
    after: unknown;
    idempotencyKey: string | null;
    at: Date;
}

/** R9.2: written in the same transaction as the change it records. */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
    await tx.query(
        `INSERT INTO audit_log (org_id, billing_account_id, user_id, first_name, last_name, terms_version, action,
                                before, after, idempotency_key, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
            entry.orgId,
            entry.billingAccountId,
            entry.userId,
            entry.authorization.firstName.trim(),
            entry.authorization.lastName.trim(),
            entry.authorization.termsVersion,
            entry.action,
            JSON.stringify(entry.before ?? null),
            JSON.stringify(entry.after ?? null),
            entry.idempotencyKey,
            entry.at
        ]
    );
}

export interface AuditRecord {
    id: number;
    userId: string;
    firstName: string;
    lastName: string;
    termsVersion: string;
    action: string;
    before: unknown;
    after: unknown;
    at: string;
}

export async function listAudit(
    db: Queryable,
    orgId: string,
    accountId: string,
    limit = 200
): Promise<AuditRecord[]> {
    const result = await db.query<{
        id: number;
        user_id: string;
        first_name: string;
        last_name: string;
        terms_version: string;
        action: string;
        before: unknown;
        after: unknown;
        created_at: Date;
    }>(
        `SELECT id, user_id, first_name, last_name, terms_version, action, before, after, created_at
         FROM audit_log WHERE org_id = $1 AND billing_account_id = $2 ORDER BY created_at DESC, id DESC LIMIT $3`,
        [orgId, accountId, limit]
    );
    return result.rows.map((row) => ({
        id: row.id,
        userId: row.user_id,
        firstName: row.first_name,
        lastName: row.last_name,
        termsVersion: row.terms_version,
        action: row.action,
        before: row.before,
        after: row.after,
        at: row.created_at.toISOString()
    }));
}
