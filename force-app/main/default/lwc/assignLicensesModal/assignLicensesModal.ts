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
import { validateAssignmentChanges, type BillingError, type LicenseCode } from 'c/billingRules';
import type { DialogResult } from 'c/changeState';
import { landOn, clearFieldProblem, showFieldProblems, type FieldProblem } from 'c/fieldProblems';

/** What the side panel and the column headers say about one license, after the admin's ticks. */
interface LicenseTotal {
    code: string;
    name: string;
    /** The figures in the column header, e.g. " (2 of 20 free)". */
    figures: string;
    /** The side panel's lines. */
    headline: string;
    detail: string;
    over: boolean;
    rowClass: string;
    headerClass: string;
}

/**
 * Assign Licenses (R2.2–R2.4): users × licenses check boxes, the available totals in a small panel on
 * the far right (as the product pages show it), core's assignment rules checked before the
 * authorization opens (the service checks them again), and a confirm before unsaved ticks are lost.
 */
export default class AssignLicensesModal extends BillingModal {
    assignments: Assignments | undefined;
    assignmentsError: unknown;
    loading = true;
    /** userId|license → wanted state, only for boxes the admin changed. */
    assignmentEdits: Record<string, boolean> = {};
    /** Core's refusals of the ticked changes, shown before any authorization. */
    earlyProblems: FieldProblem[] = [];
    confirmingDiscard = false;
    /** What to bring into view and focus after the next render. */
    private landOn: '' | '.early-refusal' | '.confirm-discard' = '';
    private returnFocus: HTMLElement | null = null;

    async connectedCallback(): Promise<void> {
        ({ data: this.assignments, error: this.assignmentsError } = await settle(
            getAssignments(this.accountId)
        ));
        this.loading = false;
    }

    renderedCallback(): void {
        if (!this.landOn) return;
        const target = this.template?.querySelector<HTMLElement>(this.landOn);
        this.landOn = '';
        landOn(target);
    }

    get loaded(): boolean {
        return !this.loading && !this.assignmentsError;
    }

    /** Licenses held by users: per-user and pooled (company features and counts are not). */
    get assignableLicenses(): LicenseAvailability[] {
        return (this.assignments?.available ?? []).filter(
            (license) => license.kind === 'per_user' || license.kind === 'pooled'
        );
    }

    /** Whether the user holds the license once the admin's ticks are applied. */
    private holdsAfterEdits(user: Assignments['users'][number], code: string): boolean {
        return this.assignmentEdits[`${user.id}|${code}`] ?? user.licenses.includes(code as LicenseCode);
    }

    /** Free seats of per-user licenses, pool size and in use of pooled ones (after the ticks). */
    get licenseTotals(): LicenseTotal[] {
        const users = this.assignments?.users ?? [];
        const changes = this.assignmentChanges;
        return this.assignableLicenses.map((license) => {
            const net = changes
                .filter((change) => change.license === license.code)
                .reduce((sum, change) => sum + (change.assigned ? 1 : -1), 0);
            const holders = license.assigned + net;
            const purchased = formatNumber(license.purchased);
            if (license.purchased === 0) {
                return total(license, holders > 0, {
                    figures: ' (none bought)',
                    headline: 'none bought',
                    detail: ''
                });
            }
            if (license.kind === 'per_user') {
                const free = license.purchased - holders;
                const over = free < 0;
                return total(license, over, {
                    figures: over
                        ? ` (${formatNumber(-free)} more than the ${purchased} bought)`
                        : ` (${formatNumber(free)} of ${purchased} free)`,
                    headline: over ? `${formatNumber(-free)} too many` : `${formatNumber(free)} free`,
                    detail: `${formatNumber(holders)} of ${purchased} assigned`
                });
            }
            const inUse = users.filter((user) => user.inUseNow.includes(license.code)).length;
            const freeNow = formatNumber(Math.max(0, license.purchased - inUse));
            return total(license, false, {
                figures: ` (pool of ${purchased}, ${freeNow} free now)`,
                headline: `${freeNow} of ${purchased} free now`,
                detail: `${formatNumber(inUse)} in use now; ${formatNumber(holders)} ${holders === 1 ? 'user holds' : 'users hold'} it`
            });
        });
    }

    get assignmentRows() {
        const problems = new Map(this.earlyProblems.map((problem) => [problem.field, problem.message]));
        const names = this.licenseNames;
        return (this.assignments?.users ?? []).map((user) => ({
            userId: user.id,
            name: `${user.active ? user.name : `${user.name} (inactive)`}${inUseNote(user.inUseNow.map((code) => names.get(code) ?? code))}`,
            cells: this.assignableLicenses.map((license) => {
                const key = `${user.id}|${license.code}`;
                return {
                    key,
                    label: `${license.name} for ${user.name}`,
                    checked: this.holdsAfterEdits(user, license.code),
                    cellClass: problems.has(key) ? 'slds-has-error' : ''
                };
            })
        }));
    }

    /** License names by code: the admin reads names, never codes. */
    get licenseNames(): Map<string, string> {
        return new Map((this.assignments?.available ?? []).map((license) => [license.code, license.name]));
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

    get hasEarlyProblems(): boolean {
        return this.earlyProblems.length > 0;
    }

    /** Each refusal once (a capacity refusal is shown on every box it names). */
    get earlyProblemMessages(): string[] {
        return [...new Set(this.earlyProblems.map((problem) => problem.message))];
    }

    get unsavedCount(): string {
        const count = this.assignmentChanges.length;
        return `${formatNumber(count)} ${count === 1 ? 'change' : 'changes'}`;
    }

    handleAssignmentToggle(event: CustomEvent<{ checked: boolean }>): void {
        const key = (event.target as HTMLElement).dataset.field ?? '';
        this.assignmentEdits = { ...this.assignmentEdits, [key]: event.detail.checked };
        this.pending = null;
        this.changeError = undefined;
        this.confirmingDiscard = false;
        clearFieldProblem(event.target);
        // Once refused, the refusals follow the ticks as the admin corrects them.
        if (this.hasEarlyProblems) this.earlyProblems = this.checkChanges();
    }

    handleReviewAssignments(): void {
        this.confirmingDiscard = false;
        this.earlyProblems = this.checkChanges();
        if (this.hasEarlyProblems) {
            this.pending = null;
            this.landOn = '.early-refusal';
            return;
        }
        const changes = this.assignmentChanges;
        const names = new Map((this.assignments?.users ?? []).map((user) => [user.id, user.name]));
        const licenses = this.licenseNames;
        const summary = changes
            .map(
                (c) =>
                    `${c.assigned ? 'assign' : 'remove'} ${licenses.get(c.license) ?? c.license} ${c.assigned ? 'to' : 'from'} ${names.get(c.userId) ?? c.userId}`
            )
            .join('; ');
        this.startChange(`License assignments: ${summary}`, (authorization, key) =>
            changeAssignments(this.accountId, changes, authorization, key)
        );
    }

    /**
     * Escape, the header's close button and Close all end here. With unsaved ticks the admin is asked
     * first; a second Escape while asked keeps the ticks. An accepted change closes at once.
     */
    close(result?: DialogResult): void {
        if (result?.summary !== undefined || this.noAssignmentChanges) {
            super.close(result);
            return;
        }
        if (this.confirmingDiscard) {
            this.handleKeepEditing();
            return;
        }
        // Back to where the admin was once they choose to keep editing (the question then goes away).
        this.returnFocus = (this.template?.activeElement as HTMLElement | null) ?? null;
        this.confirmingDiscard = true;
        this.landOn = '.confirm-discard';
    }

    handleKeepEditing(): void {
        this.confirmingDiscard = false;
        const target =
            this.returnFocus?.isConnected === true
                ? this.returnFocus
                : this.template?.querySelector<HTMLElement>('lightning-button.review-assignments');
        this.returnFocus = null;
        target?.focus();
    }

    handleDiscard(): void {
        this.assignmentEdits = {};
        this.confirmingDiscard = false;
        super.close({});
    }

    /** Core's rules (R2.1–R2.4, R2.7), as the service applies them, on the ticked changes: a problem per box. */
    private checkChanges(): FieldProblem[] {
        const users = this.assignments?.users ?? [];
        const result = validateAssignmentChanges({
            quantities: Object.fromEntries(
                (this.assignments?.available ?? []).map((license) => [license.code, license.purchased])
            ),
            assignments: users.flatMap((user) =>
                user.licenses.map((license) => ({ userId: user.id, license }))
            ),
            changes: this.assignmentChanges.map((change) => ({
                userId: change.userId,
                license: change.license,
                action: change.assigned ? 'assign' : 'remove'
            })),
            userNames: Object.fromEntries(users.map((user) => [user.id, user.name])),
            inactiveUserIds: users.filter((user) => !user.active).map((user) => user.id)
        });
        const problems = result.ok ? [] : result.errors.flatMap(boxesOf);
        showFieldProblems(this.template, problems, { focus: false });
        return problems;
    }
}

function total(
    license: LicenseAvailability,
    over: boolean,
    text: Pick<LicenseTotal, 'figures' | 'headline' | 'detail'>
): LicenseTotal {
    return {
        code: license.code,
        name: license.name,
        over,
        rowClass: over ? 'total slds-text-color_error' : 'total',
        headerClass: over ? 'license-column slds-text-color_error' : 'license-column',
        ...text
    };
}

/** The boxes a refusal is about: the user's box of the license, or every new holder's (capacity). */
function boxesOf(error: BillingError): FieldProblem[] {
    const details = error.details ?? {};
    const license = typeof details.license === 'string' ? details.license : '';
    const userIds = Array.isArray(details.userIds)
        ? details.userIds.filter((id): id is string => typeof id === 'string')
        : typeof details.userId === 'string'
          ? [details.userId]
          : [];
    const licenses =
        typeof details.exclusiveLicense === 'string' ? [license, details.exclusiveLicense] : [license];
    return userIds.flatMap((userId) =>
        licenses.map((code) => ({ field: `${userId}|${code}`, message: error.message }))
    );
}

/** R2.3: the seats and ports the user holds right now (live runtime leases), after the name. */
function inUseNote(licenses: readonly string[]): string {
    return licenses.length === 0 ? '' : ` — in use now: ${licenses.join(', ')}`;
}
