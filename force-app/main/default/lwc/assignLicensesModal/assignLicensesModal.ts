import BillingModal from 'c/billingModal';
import {
    changeAssignments,
    getAssignments,
    type AssignmentChange,
    type Assignments,
    type LicenseAvailability
} from 'c/billingApi';
import { settle } from 'c/billingErrors';
import { formatNumber } from 'c/billingFormat';

/** Assign Licenses (R2.4): users × licenses check boxes with the available totals beside them. */
export default class AssignLicensesModal extends BillingModal {
    assignments: Assignments | undefined;
    assignmentsError: unknown;
    /** userId|license → wanted state, only for boxes the admin changed. */
    assignmentEdits: Record<string, boolean> = {};

    async connectedCallback(): Promise<void> {
        ({ data: this.assignments, error: this.assignmentsError } = await settle(
            getAssignments(this.accountId)
        ));
    }

    /** Licenses held by users: per-user and pooled (company features and counts are not). */
    get assignableLicenses(): LicenseAvailability[] {
        return (this.assignments?.available ?? []).filter(
            (license) => license.kind === 'per_user' || license.kind === 'pooled'
        );
    }

    get assignmentHeaders() {
        return this.assignableLicenses.map((license) => ({
            code: license.code,
            label:
                license.available === null
                    ? `${license.name} (pool of ${formatNumber(license.purchased)})`
                    : `${license.name} (${formatNumber(license.available)} available)`
        }));
    }

    get assignmentRows() {
        return (this.assignments?.users ?? []).map((user) => ({
            userId: user.id,
            name: `${user.active ? user.name : `${user.name} (inactive)`}${inUseNote(user.inUseNow.map((code) => this.licenseName(code)))}`,
            cells: this.assignableLicenses.map((license) => {
                const key = `${user.id}|${license.code}`;
                return {
                    key,
                    license: license.code,
                    label: `${license.name} for ${user.name}`,
                    checked: this.assignmentEdits[key] ?? user.licenses.includes(license.code)
                };
            })
        }));
    }

    get assignmentChanges(): AssignmentChange[] {
        const held = new Map((this.assignments?.users ?? []).map((user) => [user.id, user.licenses]));
        const codes = new Map<string, AssignmentChange['license']>(
            (this.assignments?.available ?? []).map((license) => [license.code, license.code])
        );
        return Object.entries(this.assignmentEdits)
            .flatMap(([key, assigned]) => {
                const [userId = '', code = ''] = key.split('|');
                const license = codes.get(code);
                return license ? [{ userId, license, assigned }] : [];
            })
            .filter((change) => (held.get(change.userId) ?? []).includes(change.license) !== change.assigned);
    }

    get noAssignmentChanges(): boolean {
        return this.assignmentChanges.length === 0;
    }

    handleAssignmentToggle(event: CustomEvent<{ checked: boolean }>): void {
        const key = (event.target as HTMLElement).dataset.key ?? '';
        this.assignmentEdits = { ...this.assignmentEdits, [key]: event.detail.checked };
        this.pending = null;
        this.changeError = undefined;
    }

    /** A license as the admin knows it ("Dialer Tab"), never its code. */
    private licenseName(code: string): string {
        return (this.assignments?.available ?? []).find((license) => license.code === code)?.name ?? code;
    }

    handleReviewAssignments(): void {
        const changes = this.assignmentChanges;
        const names = new Map((this.assignments?.users ?? []).map((user) => [user.id, user.name]));
        const summary = changes
            .map(
                (c) =>
                    `${c.assigned ? 'assign' : 'remove'} ${this.licenseName(c.license)} ${c.assigned ? 'to' : 'from'} ${names.get(c.userId) ?? c.userId}`
            )
            .join('; ');
        this.startChange(`License assignments: ${summary}`, (authorization, key) =>
            changeAssignments(this.accountId, changes, authorization, key)
        );
    }
}

/** R2.3: the seats and ports the user holds right now (live runtime leases), after the name. */
function inUseNote(licenses: readonly string[]): string {
    return licenses.length === 0 ? '' : ` — in use now: ${licenses.join(', ')}`;
}
