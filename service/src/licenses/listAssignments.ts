import {
    LICENSE_CATALOG,
    LICENSE_CODES,
    quantityOf,
    type Assignment,
    type LicenseCode
} from '../../../core/index';
import type { Queryable } from '../db/pool';
import type { DirectoryUser, UserDirectory } from '../kernel/caller';
import type { z } from 'zod';
import { countHolders, loadAssignments, loadLeaseHolders, loadQuantities } from './licenseRepository';
import type { assignmentsResponseSchema } from './schemas';

export type AssignmentsView = z.infer<typeof assignmentsResponseSchema>;

/** The org's users × the licenses they hold on this account, and what is left to assign (R2.2). */
export async function listAssignments(
    db: Queryable,
    directory: UserDirectory,
    account: { id: string; orgId: string },
    now: Date
): Promise<AssignmentsView> {
    const [quantities, assignments, users, leases] = await Promise.all([
        loadQuantities(db, account.id),
        loadAssignments(db, account.id),
        directory.listUsers(account.orgId),
        loadLeaseHolders(db, account.id, now)
    ]);
    return assignmentsView(quantities, assignments, users, leases);
}

export function assignmentsView(
    quantities: Partial<Record<LicenseCode, number>>,
    assignments: readonly Assignment[],
    users: readonly DirectoryUser[],
    leases: ReadonlyMap<string, LicenseCode[]> = new Map()
): AssignmentsView {
    const held = new Map<string, LicenseCode[]>();
    for (const { userId, license } of assignments) held.set(userId, [...(held.get(userId) ?? []), license]);
    const known = new Set(users.map((user) => user.id));
    // A holder missing from the directory (deleted in Salesforce) still holds a paid license: show it.
    const missing = [...held.keys()].filter((id) => !known.has(id));
    const holders = countHolders(assignments);
    return {
        users: [
            ...users.map((user) => ({
                id: user.id,
                name: user.name,
                email: user.email,
                active: user.active,
                licenses: held.get(user.id) ?? [],
                inUseNow: leases.get(user.id) ?? []
            })),
            ...missing.map((id) => ({
                id,
                name: id,
                email: '',
                active: false,
                licenses: held.get(id) ?? [],
                inUseNow: leases.get(id) ?? []
            }))
        ],
        available: LICENSE_CODES.filter((code) => LICENSE_CATALOG[code].assignableToUsers).map((code) => {
            const definition = LICENSE_CATALOG[code];
            const purchased = quantityOf(quantities, code);
            const assigned = holders[code] ?? 0;
            return {
                code,
                name: definition.name,
                kind: definition.kind,
                purchased,
                assigned,
                available: definition.kind === 'per_user' ? Math.max(0, purchased - assigned) : null
            };
        })
    };
}
