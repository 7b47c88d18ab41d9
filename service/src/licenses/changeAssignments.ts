import {
    unwrap,
    validateAssignmentChanges,
    type AssignmentChange,
    type LicenseCode
} from '../../../core/index';
import type { DirectoryUser } from '../kernel/caller';
import type { MutationContext } from '../mutations/runMutation';
import { serviceError } from '../kernel/serviceError';
import { assignmentsView, type AssignmentsView } from './listAssignments';
import {
    loadAssignments,
    loadLeaseHolders,
    loadQuantities,
    saveAssignmentChanges
} from './licenseRepository';

export interface RequestedAssignment {
    userId: string;
    license: LicenseCode;
    assigned: boolean;
}

/**
 * R2.1–R2.4, R3.3: assigns and removes many licenses at once, all or nothing. Runs with the account
 * row locked, so two admins' changes are checked against each other's results, never over-assign.
 * `users` are the company's, read from the directory before the lock: no network call, and no second
 * connection, while the account is locked.
 */
export async function changeAssignments(
    context: MutationContext,
    users: readonly DirectoryUser[],
    accountId: string,
    requested: readonly RequestedAssignment[]
): Promise<AssignmentsView> {
    const { tx, now } = context;
    // One connection runs one query at a time: load in sequence inside the transaction.
    const quantities = await loadQuantities(tx, accountId);
    const assignments = await loadAssignments(tx, accountId);
    const byId = new Map(users.map((user) => [user.id, user]));
    for (const change of requested) {
        if (change.assigned && !byId.has(change.userId)) {
            throw serviceError('unknown_user', `There is no user ${change.userId} in your company.`, {
                userId: change.userId
            });
        }
    }
    const changes: AssignmentChange[] = requested.map((change) => ({
        userId: change.userId,
        license: change.license,
        action: change.assigned ? 'assign' : 'remove'
    }));
    const outcome = unwrap(
        validateAssignmentChanges({
            quantities,
            assignments,
            changes,
            userNames: Object.fromEntries(users.map((user) => [user.id, user.name])),
            inactiveUserIds: users.filter((user) => !user.active).map((user) => user.id)
        })
    );
    await saveAssignmentChanges(tx, { accountId, added: outcome.added, removed: outcome.removed, now });
    await context.audit({
        action: 'licenses.assignments_changed',
        before: { removed: outcome.removed },
        after: { added: outcome.added }
    });
    return assignmentsView(
        quantities,
        outcome.assignments,
        users,
        await loadLeaseHolders(tx, accountId, now)
    );
}
