import { checkDialerAccess, type LicenseCode } from '../../../core/index';
import type { Queryable } from '../db/pool';
import { resolveRuntimeAccount, type RuntimeSubject } from './runtimeAccount';
import { loadUserLicenses } from './runtimeAccountRepository';

/**
 * Per-user licenses (CRM, ELF, …) take no lease: whether the user holds each license asked about,
 * and whether the dialer opens for them (R2.5).
 */
export async function checkUserLicenses(
    db: Queryable,
    input: RuntimeSubject & { userId: string; licenses: readonly LicenseCode[]; now: Date }
): Promise<{
    accountId: string;
    userId: string;
    holds: Partial<Record<LicenseCode, boolean>>;
    dialer: boolean;
}> {
    const account = await resolveRuntimeAccount(db, input, input.now);
    const held = await loadUserLicenses(db, account.id, input.userId);
    return {
        accountId: account.id,
        userId: input.userId,
        holds: Object.fromEntries(input.licenses.map((license) => [license, held.includes(license)])),
        dialer: checkDialerAccess(held).ok
    };
}
