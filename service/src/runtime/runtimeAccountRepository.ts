import { isLicenseCode, type LicenseCode } from '../../../core/index';
import { statusAt, type BillingAccount } from '../accounts/billingAccountRepository';
import type { Queryable } from '../db/pool';

export interface RuntimeAccount {
    id: string;
    timeZone: string;
    smsRateCents: number;
    status: BillingAccount['status'];
}

/**
 * SQL: the org's billing account (alias `a`) named by `$accountId`, or its only one when none is
 * named; at most 2 rows, so a caller can tell "several" from "one".
 */
export function runtimeAccountsSql(orgId: string, accountId: string): string {
    return `SELECT a.id FROM billing_accounts a
            WHERE a.org_id = ${orgId} AND (${accountId}::uuid IS NULL OR a.id = ${accountId}::uuid) LIMIT 2`;
}

/** The org's account named (or its only one), with its status at `now`: 0, 1 or 2 rows. */
export async function findRuntimeAccounts(
    db: Queryable,
    input: { orgId: string; accountId: string | undefined; now: Date }
): Promise<RuntimeAccount[]> {
    const result = await db.query<{
        id: string;
        time_zone: string;
        sms_rate_cents: number;
        status: BillingAccount['status'];
    }>(
        `SELECT a.id, a.time_zone, a.sms_rate_cents, ${statusAt('$3')} AS status FROM billing_accounts a
         WHERE a.id IN (${runtimeAccountsSql('$1', '$2')})`,
        [input.orgId, input.accountId ?? null, input.now]
    );
    return result.rows.map((row) => ({
        id: row.id,
        timeZone: row.time_zone,
        smsRateCents: row.sms_rate_cents,
        status: row.status
    }));
}

/** Licenses the user holds on the account. */
export async function loadUserLicenses(
    db: Queryable,
    accountId: string,
    userId: string
): Promise<LicenseCode[]> {
    const result = await db.query<{ license_code: string }>(
        'SELECT license_code FROM license_assignments WHERE billing_account_id = $1 AND user_id = $2',
        [accountId, userId]
    );
    return result.rows.map((row) => row.license_code).filter(isLicenseCode);
}
