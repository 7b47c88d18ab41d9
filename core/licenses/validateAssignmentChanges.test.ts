import { errorsOf } from '../testing/errorsOf';
import {
    findLicensesHeldByInactiveUsers,
    findUsersWithoutBaseLicense,
    baseLicensesNeeded
} from './auditLicenseCoverage';
import type { Assignment, AssignmentChange, LicenseQuantities } from './schemas';
import { assignmentChangesSchema } from './schemas';
import { validateAssignmentChanges } from './validateAssignmentChanges';

const QUANTITIES: LicenseQuantities = {
    CRM: 3,
    CRM_VIEW: 1,
    DIALER_TAB: 1,
    DIALER: 1,
    ELF: 1,
    FLEX_PORT: 1,
    RECORDING: 1
};

const assign = (userId: string, license: AssignmentChange['license']): AssignmentChange => ({
    userId,
    license,
    action: 'assign'
});
const remove = (userId: string, license: AssignmentChange['license']): AssignmentChange => ({
    userId,
    license,
    action: 'remove'
});

describe('R2.1 every active user needs a base license', () => {
    it('needs 15 CRM licenses for 15 employees', () => {
        expect(baseLicensesNeeded(15)).toBe(15);
    });

    it('lists active users with neither CRM nor CRM-View Only', () => {
        const assignments: Assignment[] = [
            { userId: 'ann', license: 'CRM' },
            { userId: 'bob', license: 'CRM_VIEW' },
            { userId: 'cid', license: 'DIALER_TAB' }
        ];
        expect(findUsersWithoutBaseLicense(['ann', 'bob', 'cid', 'dee'], assignments)).toEqual([
            'cid',
            'dee'
        ]);
    });
});

describe('R2.7 licenses held by inactive users', () => {
    it('shows what hidden users still hold (money wasted until the quantity is lowered)', () => {
        const assignments: Assignment[] = [
            { userId: 'ann', license: 'CRM' },
            { userId: 'gone', license: 'CRM' },
            { userId: 'gone', license: 'ELF' }
        ];
        expect(findLicensesHeldByInactiveUsers(['gone'], assignments)).toEqual([
            { userId: 'gone', license: 'CRM' },
            { userId: 'gone', license: 'ELF' }
        ]);
    });

    it('refuses giving a deactivated user a license, and lets one be removed from them', () => {
        const input = {
            quantities: QUANTITIES,
            assignments: [{ userId: 'gone', license: 'CRM' }] as Assignment[],
            userNames: { gone: 'Cy Gone' },
            inactiveUserIds: ['gone']
        };
        const errors = errorsOf(validateAssignmentChanges({ ...input, changes: [assign('gone', 'ELF')] }));
        expect(errors.map((error) => [error.code, error.message, error.details])).toEqual([
            [
                'user_inactive',
                'Cy Gone is deactivated in Salesforce and cannot be given ResponseLoop / ELF.',
                { userId: 'gone', license: 'ELF' }
            ]
        ]);
        const removal = validateAssignmentChanges({ ...input, changes: [remove('gone', 'CRM')] });
        expect(removal.ok && removal.value.removed).toEqual([{ userId: 'gone', license: 'CRM' }]);
    });
});

describe('R2.4 prerequisites', () => {
    it('assigns CRM then the dialer licenses in one change set', () => {
        const result = validateAssignmentChanges({
            quantities: QUANTITIES,
            assignments: [],
            changes: [assign('ann', 'CRM'), assign('ann', 'DIALER_TAB'), assign('ann', 'DIALER')]
        });
        expect(result.ok && result.value.added).toEqual([
            { userId: 'ann', license: 'CRM' },
            { userId: 'ann', license: 'DIALER_TAB' },
            { userId: 'ann', license: 'DIALER' }
        ]);
    });

    it('refuses a license without CRM, naming the missing license and the user', () => {
        const errors = errorsOf(
            validateAssignmentChanges({
                quantities: QUANTITIES,
                assignments: [],
                changes: [assign('005A', 'ELF')],
                userNames: { '005A': 'Ann Lee' }
            })
        );
        expect(errors).toHaveLength(1);
        expect(errors[0]).toMatchObject({
            code: 'missing_prerequisite',
            details: { license: 'ELF', userId: '005A', missing: 'CRM' }
        });
        expect(errors[0]!.message).toBe('Ann Lee needs CRM before they can be given ResponseLoop / ELF.');
    });

    it('refuses DIALER without DIALER_TAB', () => {
        const errors = errorsOf(
            validateAssignmentChanges({
                quantities: QUANTITIES,
                assignments: [{ userId: 'ann', license: 'CRM' }],
                changes: [assign('ann', 'DIALER')]
            })
        );
        expect(errors.map((e) => [e.code, e.details?.missing])).toEqual([
            ['missing_prerequisite', 'DIALER_TAB']
        ]);
    });

    it('refuses removing a prerequisite another license of the user depends on, and changes nothing', () => {
        const assignments: Assignment[] = [
            { userId: 'ann', license: 'CRM' },
            { userId: 'ann', license: 'DIALER_TAB' },
            { userId: 'ann', license: 'DIALER' }
        ];
        const errors = errorsOf(
            validateAssignmentChanges({
                quantities: QUANTITIES,
                assignments,
                changes: [remove('ann', 'DIALER_TAB')]
            })
        );
        expect(errors[0]).toMatchObject({
            code: 'prerequisite_in_use',
            details: { license: 'DIALER_TAB', userId: 'ann', requiredBy: 'DIALER' }
        });
        expect(errors[0]!.message).toMatch(/Remove Dialer \(PowerDialer\) first/);
        expect(assignments).toHaveLength(3);
    });

    it('allows removing a prerequisite together with what depends on it', () => {
        const result = validateAssignmentChanges({
            quantities: QUANTITIES,
            assignments: [
                { userId: 'ann', license: 'CRM' },
                { userId: 'ann', license: 'ELF' }
            ],
            changes: [remove('ann', 'ELF'), remove('ann', 'CRM')]
        });
        expect(result.ok && result.value).toEqual({
            assignments: [],
            added: [],
            removed: [
                { userId: 'ann', license: 'CRM' },
                { userId: 'ann', license: 'ELF' }
            ]
        });
    });

    it('refuses anything else on a CRM-View Only user', () => {
        const errors = errorsOf(
            validateAssignmentChanges({
                quantities: QUANTITIES,
                assignments: [{ userId: 'vic', license: 'CRM_VIEW' }],
                changes: [assign('vic', 'CRM'), assign('vic', 'ELF')]
            })
        );
        expect(errors.map((e) => [e.code, e.details?.license, e.details?.userId])).toEqual([
            ['crm_view_exclusive', 'CRM', 'vic'],
            ['crm_view_exclusive', 'ELF', 'vic']
        ]);
    });

    it('refuses assigning account-level licenses to users', () => {
        const errors = errorsOf(
            validateAssignmentChanges({
                quantities: QUANTITIES,
                assignments: [],
                changes: [assign('ann', 'RECORDING')]
            })
        );
        expect(errors[0]).toMatchObject({
            code: 'not_assignable',
            details: { license: 'RECORDING', userId: 'ann' }
        });
    });

    it('refuses assigning a license the account has none of', () => {
        const errors = errorsOf(
            validateAssignmentChanges({
                quantities: QUANTITIES,
                assignments: [{ userId: 'ann', license: 'CRM' }],
                changes: [assign('ann', 'FAX')]
            })
        );
        expect(errors[0]).toMatchObject({
            code: 'license_not_purchased',
            details: { license: 'FAX', userId: 'ann' }
        });
    });
});

describe('R2.2 per-user licenses are assigned to at most quantity users', () => {
    const holders: Assignment[] = [
        { userId: 'ann', license: 'CRM' },
        { userId: 'bob', license: 'CRM' },
        { userId: 'cid', license: 'CRM' }
    ];

    it('refuses the user beyond the quantity, saying how many are in use and free', () => {
        const errors = errorsOf(
            validateAssignmentChanges({
                quantities: QUANTITIES,
                assignments: holders,
                changes: [assign('dee', 'CRM')]
            })
        );
        expect(errors).toHaveLength(1);
        expect(errors[0]).toMatchObject({
            code: 'per_user_limit',
            details: { license: 'CRM', userIds: ['dee'], inUse: 3, quantity: 3, available: 0 }
        });
        expect(errors[0]!.message).toBe(
            'CRM: 3 of 3 licenses are assigned and 0 are free, so dee cannot be given one. Raise the quantity first.'
        );
    });

    it('lets a license move from one user to another in the same change set', () => {
        const result = validateAssignmentChanges({
            quantities: QUANTITIES,
            assignments: holders,
            changes: [remove('cid', 'CRM'), assign('dee', 'CRM')]
        });
        expect(result.ok && result.value.added).toEqual([{ userId: 'dee', license: 'CRM' }]);
        expect(result.ok && result.value.removed).toEqual([{ userId: 'cid', license: 'CRM' }]);
    });

    it('treats assigning what is already held as a no-op', () => {
        const result = validateAssignmentChanges({
            quantities: QUANTITIES,
            assignments: holders,
            changes: [assign('ann', 'CRM')]
        });
        expect(result.ok && result.value).toMatchObject({ added: [], removed: [] });
    });
});

describe('R2.3 pooled licenses may be held by any number of users', () => {
    it('assigns a pool of one Dialer Tab to three users', () => {
        const crm: Assignment[] = ['ann', 'bob', 'cid'].map((userId) => ({ userId, license: 'CRM' }));
        const result = validateAssignmentChanges({
            quantities: QUANTITIES,
            assignments: crm,
            changes: ['ann', 'bob', 'cid'].map((userId) => assign(userId, 'DIALER_TAB'))
        });
        expect(result.ok && result.value.added).toHaveLength(3);
    });
});

describe('R2.4 assignment change input', () => {
    it('is validated by a shared zod schema', () => {
        expect(
            assignmentChangesSchema.safeParse([{ userId: 'ann', license: 'CRM', action: 'assign' }]).success
        ).toBe(true);
        expect(
            assignmentChangesSchema.safeParse([{ userId: 'ann', license: 'GOLD', action: 'assign' }]).success
        ).toBe(false);
        expect(assignmentChangesSchema.safeParse([]).success).toBe(false);
    });
});
