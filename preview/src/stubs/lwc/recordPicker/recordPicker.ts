// Preview stand-in for lightning-record-picker (the npm base components have none), for
// object-api-name="User": a combobox of the service's users, read through the same stand-in
// transport as the panels. It honours the filter criteria on the fields below (the panels ask
// for IsActive = true) and fires `change` with `detail.recordId`, like the real picker.
// The platform modules' typings are ambient declarations (not a module), so they are referenced.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../../../../force-app/types/platform.d.ts" />
import { LightningElement, api } from 'lwc';
// The preview maps this to its own stand-in (stubs/apex), as it does for the panels.
import send from '@salesforce/apex/BillingServiceProxy.send';

interface DirectoryUser {
    id: string;
    name: string;
    email: string;
    active: boolean;
}

interface Criterion {
    fieldPath: string;
    operator: string;
    value: unknown;
}

const FIELDS: Record<string, keyof DirectoryUser> = {
    Id: 'id',
    Name: 'name',
    Email: 'email',
    IsActive: 'active'
};

function matches(user: DirectoryUser, filter: { criteria?: Criterion[] } | undefined): boolean {
    return (filter?.criteria ?? []).every((criterion) => {
        const field = FIELDS[criterion.fieldPath];
        if (!field) return true;
        return criterion.operator === 'ne'
            ? user[field] !== criterion.value
            : user[field] === criterion.value;
    });
}

export default class RecordPicker extends LightningElement {
    /** The field label above the combobox. */
    @api label = '';

    /** The object picked from; this stand-in knows only `User`. */
    @api objectApiName = 'User';

    /** The chosen record's id. */
    @api value = '';

    /** `{ criteria: [{ fieldPath, operator, value }] }` as the real picker takes it ('eq' or 'ne'). */
    @api filter: { criteria?: Criterion[] } | undefined;

    /** Shown in the combobox while nothing is chosen. */
    @api placeholder = '';

    users: DirectoryUser[] = [];
    error = '';

    override connectedCallback(): void {
        void this.loadUsers();
    }

    private async loadUsers(): Promise<void> {
        try {
            const text = await send({
                method: 'GET',
                path: '/api/v1/users',
                body: null,
                idempotencyKey: null
            });
            this.users = (JSON.parse(text) as { users: DirectoryUser[] }).users;
        } catch (error) {
            this.error =
                (error as { body?: { message?: string } }).body?.message ?? 'The users could not be loaded.';
        }
    }

    get options(): Array<{ label: string; value: string }> {
        return this.users
            .filter((user) => matches(user, this.filter))
            .map((user) => ({ label: `${user.name} (${user.email})`, value: user.id }));
    }

    handleChange(event: CustomEvent<{ value: string }>): void {
        event.stopPropagation();
        this.dispatchEvent(new CustomEvent('change', { detail: { recordId: event.detail.value || null } }));
    }
}
