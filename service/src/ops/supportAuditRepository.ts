import type { Queryable } from '../db/pool';

/** How operator rows read in the company admins' audit list (R11.2). */
export const SUPPORT_FIRST_NAME = 'PowerDialer';
export const SUPPORT_LAST_NAME = 'support';
const SUPPORT_TERMS_VERSION = 'support';

export interface SupportAuditEntry {
    orgId: string;
    billingAccountId: string | null;
    operatorName: string;
    reason: string;
    action: string;
    before: unknown;
    after: unknown;
    idempotencyKey: string | null;
    at: Date;
}

/** R11.2: one audit row of an operator's read or change, written with it (same transaction for a change). */
export async function recordSupportAudit(db: Queryable, entry: SupportAuditEntry): Promise<void> {
    await db.query(
        `INSERT INTO audit_log (org_id, billing_account_id, user_id, first_name, last_name, terms_version, action,
                                before, after, idempotency_key, created_at, operator_name, reason)
         VALUES ($1, $2, NULL, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
            entry.orgId,
            entry.billingAccountId,
            SUPPORT_FIRST_NAME,
            SUPPORT_LAST_NAME,
            SUPPORT_TERMS_VERSION,
            entry.action,
            JSON.stringify(entry.before ?? null),
            JSON.stringify(entry.after ?? null),
            entry.idempotencyKey,
            entry.at,
            entry.operatorName,
            entry.reason
        ]
    );
}
