import { LICENSE_CATALOG, type LicenseCode } from '../../../core/index';
import { listBillingAccounts } from '../accounts/billingAccountRepository';
import type { Queryable } from '../db/pool';
import type { UserDirectory } from '../kernel/caller';
import { loadAssignments } from '../licenses/licenseRepository';

export interface HeldLicense {
    accountId: string;
    accountName: string;
    license: LicenseCode;
    name: string;
}

/** R2.7: the company's users, their licenses on every account, and which inactive users still hold paid licenses. */
export async function listCompanyUsers(db: Queryable, directory: UserDirectory, orgId: string, now: Date) {
    const [users, accounts] = await Promise.all([
        directory.listUsers(orgId),
        listBillingAccounts(db, orgId, now)
    ]);
    const held = new Map<string, HeldLicense[]>();
    for (const account of accounts) {
        for (const { userId, license } of await loadAssignments(db, account.id)) {
            const entry = {
                accountId: account.id,
                accountName: account.name,
                license,
                name: LICENSE_CATALOG[license].name
            };
            held.set(userId, [...(held.get(userId) ?? []), entry]);
        }
    }
    const rows = users.map((user) => {
        const licenses = held.get(user.id) ?? [];
        return {
            id: user.id,
            name: user.name,
            email: user.email,
            active: user.active,
            isAdmin: user.isAdmin,
            licenses,
            inactiveHoldingLicenses: !user.active && licenses.length > 0
        };
    });
    return {
        users: rows,
        inactiveHolders: rows.filter((row) => row.inactiveHoldingLicenses).length,
        licensesHeldByInactiveUsers: rows
            .filter((row) => row.inactiveHoldingLicenses)
            .reduce((total, row) => total + row.licenses.length, 0)
    };
}
