import { isLicenseCode, type LicenseCode } from '../../../core/index';
import { statusAt, type BillingAccount } from '../accounts/billingAccountRepository';
import type { Queryable } from '../db/pool';
import { serviceError } from '../kernel/serviceError';
import { runtimeAccountsSql } from './leaseRepository';
import { runtimeError } from './runtimeErrors';

export interface RuntimeAccount {
    id: string;
    timeZone: string;
    smsRateCents: number;
    status: BillingAccount['status'];
}

/** Who the dialer names: the org, optionally one of its billing accounts, and a user. */
export interface RuntimeSubject {
    orgId: string;
    accountId?: string | undefined;
}

/**
 * The billing account a runtime request means (R1.2: looked up inside the named org only, so an
 * id of another company's account is never found), refused when it is cancelled (R4.3).
 */
export async function resolveRuntimeAccount(
    db: Queryable,
    subject: RuntimeSubject,
    now: Date
): Promise<RuntimeAccount> {
    const result = await db.query<{
        id: string;
        time_zone: string;
        sms_rate_cents: number;
        status: BillingAccount['status'];
    }>(
        `SELECT a.id, a.time_zone, a.sms_rate_cents, ${statusAt('$3')} AS status FROM billing_accounts a
         WHERE a.id IN (${runtimeAccountsSql('$1', '$2')})`,
        [subject.orgId, subject.accountId ?? null, now]
    );
    checkAccountCount(result.rows.length);
    const row = result.rows[0];
    if (row === undefined) throw new Error('unreachable: checked above');
    if (row.status === 'cancelled') throw accountCancelled();
    return { id: row.id, timeZone: row.time_zone, smsRateCents: row.sms_rate_cents, status: row.status };
}

/** 0 accounts: not found in the org; 2: the org has several and the request named none. */
export function checkAccountCount(accounts: number): void {
    if (accounts === 0)
        throw serviceError('not_found', 'There is no billing account with that id in this org.');
    if (accounts > 1)
        throw runtimeError(
            'account_required',
            'This org has several billing accounts: name one with accountId.'
        );
}

export function accountCancelled(): Error {
    return serviceError(
        'account_cancelled',
        'This billing account is cancelled: its contract term has ended, so the dialer is no longer available.'
    );
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
