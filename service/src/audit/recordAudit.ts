import type { Tx } from '../db/pool';
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
