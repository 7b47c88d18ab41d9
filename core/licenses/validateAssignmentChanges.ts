import { LICENSE_CATALOG } from '../catalog/licenseCatalog';
import type { LicenseCode } from '../catalog/licenseCatalog';
import { BillingError, ok, refused } from '../errors';
import type { Result } from '../errors';
import { quantityOf, type LicenseQuantities } from './licenseQuantities';
import type { Assignment, AssignmentChange } from './schemas';

export interface AssignmentChangeInput {
    readonly quantities: LicenseQuantities;
    readonly assignments: readonly Assignment[];
    readonly changes: readonly AssignmentChange[];
    /** Display names by user id, used in refusal messages; ids are shown when missing. */
    readonly userNames?: Readonly<Record<string, string>>;
    /** Users deactivated in Salesforce: they may lose licenses, never be given one (R2.7). */
    readonly inactiveUserIds?: readonly string[];
}

export interface AssignmentChangeOutcome {
    /** The whole assignment set after the change. */
    readonly assignments: readonly Assignment[];
    readonly added: readonly Assignment[];
    readonly removed: readonly Assignment[];
}

type Holdings = Map<string, Set<LicenseCode>>;

function toHoldings(assignments: readonly Assignment[]): Holdings {
    const holdings: Holdings = new Map();
    for (const { userId, license } of assignments) {
        const licenses = holdings.get(userId) ?? new Set<LicenseCode>();
        licenses.add(license);
        holdings.set(userId, licenses);
    }
    return holdings;
}

function toAssignments(holdings: Holdings): Assignment[] {
    return [...holdings].flatMap(([userId, licenses]) =>
        [...licenses].map((license) => ({ userId, license }))
    );
}

function holdersOf(holdings: Holdings, license: LicenseCode): number {
    let count = 0;
    for (const licenses of holdings.values()) if (licenses.has(license)) count += 1;
    return count;
}

const key = (userId: string, license: LicenseCode): string => `${userId}\u0000${license}`;

/**
 * R2.1–R2.4, R3.3: applies assign/remove changes to the current assignments, or refuses them all.
 * Every refusal names the license and the user. Assigning what a user holds, or removing what they
 * do not, changes nothing.
 */
export function validateAssignmentChanges(input: AssignmentChangeInput): Result<AssignmentChangeOutcome> {
    const who = (userId: string): string => input.userNames?.[userId] ?? userId;
    const before = toHoldings(input.assignments);
    const after = toHoldings(input.assignments);
    const assigned = new Set<string>();
    const removed = new Set<string>();
    const errors: BillingError[] = [];
    const inactive = new Set(input.inactiveUserIds ?? []);

    for (const change of input.changes) {
        const definition = LICENSE_CATALOG[change.license];
        const licenses = after.get(change.userId) ?? new Set<LicenseCode>();
        after.set(change.userId, licenses);
        if (change.action === 'remove') {
            if (licenses.delete(change.license)) removed.add(key(change.userId, change.license));
            assigned.delete(key(change.userId, change.license));
            continue;
        }
        if (!definition.assignableToUsers) {
            errors.push(
                new BillingError(
                    'not_assignable',
                    `${definition.name} belongs to the account and is not assigned to users.`,
                    {
                        license: change.license,
                        userId: change.userId
                    }
                )
            );
            continue;
        }
        if (inactive.has(change.userId)) {
            errors.push(
                new BillingError(
                    'user_inactive',
                    `${who(change.userId)} is deactivated in Salesforce and cannot be given ${definition.name}.`,
                    { userId: change.userId, license: change.license }
                )
            );
            continue;
        }
        if (quantityOf(input.quantities, change.license) === 0) {
            errors.push(
                new BillingError(
                    'license_not_purchased',
                    `${who(change.userId)} cannot be given ${definition.name}: the account has no ${definition.name} licenses. Buy some first.`,
                    { license: change.license, userId: change.userId }
                )
            );
            continue;
        }
        if (!licenses.has(change.license)) {
            licenses.add(change.license);
            assigned.add(key(change.userId, change.license));
        }
        removed.delete(key(change.userId, change.license));
    }

    const touchedUsers = new Set(input.changes.map((change) => change.userId));
    for (const userId of touchedUsers)
        errors.push(...checkUser(userId, after.get(userId) ?? new Set(), assigned, removed, who));
    errors.push(...checkPerUserLimits(input.quantities, before, after, assigned, who));

    if (errors.length > 0) return refused(errors);
    const finalAssignments = toAssignments(after);
    const wasHeld = (a: Assignment): boolean => before.get(a.userId)?.has(a.license) ?? false;
    return ok({
        assignments: finalAssignments,
        added: finalAssignments.filter((a) => !wasHeld(a)),
        removed: input.assignments.filter((a) => !(after.get(a.userId)?.has(a.license) ?? false))
    });
}

function checkUser(
    userId: string,
    licenses: ReadonlySet<LicenseCode>,
    assigned: ReadonlySet<string>,
    removed: ReadonlySet<string>,
    who: (userId: string) => string
): BillingError[] {
    const errors: BillingError[] = [];
    const exclusive = [...licenses].find((license) => LICENSE_CATALOG[license].exclusive);
    if (exclusive !== undefined) {
        for (const other of licenses) {
            if (
                other !== exclusive &&
                (assigned.has(key(userId, other)) || assigned.has(key(userId, exclusive)))
            ) {
                errors.push(
                    new BillingError(
                        'crm_view_exclusive',
                        `${who(userId)} has ${LICENSE_CATALOG[exclusive].name}, which holds no other license: ${LICENSE_CATALOG[other].name} cannot be added with it.`,
                        { license: other, userId, exclusiveLicense: exclusive }
                    )
                );
            }
        }
        return errors;
    }
    for (const license of licenses) {
        for (const prerequisite of LICENSE_CATALOG[license].prerequisites) {
            if (licenses.has(prerequisite)) continue;
            if (removed.has(key(userId, prerequisite))) {
                errors.push(
                    new BillingError(
                        'prerequisite_in_use',
                        `${LICENSE_CATALOG[prerequisite].name} cannot be removed from ${who(userId)}: their ${LICENSE_CATALOG[license].name} license requires it. Remove ${LICENSE_CATALOG[license].name} first.`,
                        { license: prerequisite, userId, requiredBy: license }
                    )
                );
            } else if (assigned.has(key(userId, license))) {
                errors.push(
                    new BillingError(
                        'missing_prerequisite',
                        `${who(userId)} needs ${LICENSE_CATALOG[prerequisite].name} before they can be given ${LICENSE_CATALOG[license].name}.`,
                        { license, userId, missing: prerequisite }
                    )
                );
            }
        }
    }
    return errors;
}

function checkPerUserLimits(
    quantities: LicenseQuantities,
    before: Holdings,
    after: Holdings,
    assigned: ReadonlySet<string>,
    who: (userId: string) => string
): BillingError[] {
    const errors: BillingError[] = [];
    for (const definition of Object.values(LICENSE_CATALOG)) {
        if (definition.kind !== 'per_user') continue;
        const quantity = quantityOf(quantities, definition.code);
        const holders = holdersOf(after, definition.code);
        const newUsers = [...after]
            .filter(
                ([userId, licenses]) =>
                    licenses.has(definition.code) && assigned.has(key(userId, definition.code))
            )
            .map(([userId]) => userId);
        if (holders <= quantity || newUsers.length === 0) continue;
        const inUse = holdersOf(before, definition.code);
        const available = Math.max(0, quantity - inUse);
        errors.push(
            new BillingError(
                'per_user_limit',
                `${definition.name}: ${inUse} of ${quantity} licenses are assigned and ${available} ${available === 1 ? 'is' : 'are'} free, so ${newUsers.map(who).join(', ')} cannot ${newUsers.length === 1 ? 'be given one' : 'all be given one'}. Raise the quantity first.`,
                { license: definition.code, userIds: newUsers, inUse, quantity, available }
            )
        );
    }
    return errors;
}
