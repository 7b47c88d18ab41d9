import { BASE_LICENSES } from '../catalog/licenses';
import type { Assignment } from './schemas';

/** R2.1: active users holding neither CRM nor CRM-View Only (each of them needs one). */
export function findUsersWithoutBaseLicense(
    activeUserIds: readonly string[],
    assignments: readonly Assignment[]
): string[] {
    const covered = new Set(
        assignments.filter((a) => BASE_LICENSES.includes(a.license)).map((a) => a.userId)
    );
    return activeUserIds.filter((userId) => !covered.has(userId));
}

/** R2.1: one base license per active user (15 users → 15 licenses). */
export function baseLicensesNeeded(activeUserCount: number): number {
    return activeUserCount;
}

/** R2.7: assignments held by hidden or deactivated users: still paid for until the admin lowers the quantity. */
export function findLicensesHeldByInactiveUsers(
    inactiveUserIds: readonly string[],
    assignments: readonly Assignment[]
): Assignment[] {
    const inactive = new Set(inactiveUserIds);
    return assignments.filter((a) => inactive.has(a.userId));
}
