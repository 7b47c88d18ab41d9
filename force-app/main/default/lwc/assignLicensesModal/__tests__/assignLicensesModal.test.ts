import AssignLicensesModal from 'c/assignLicensesModal';
import * as api from 'c/billingApi';
import { flushPromises } from '../../../../../test/utils/flushPromises';
import { clickOn, innerTextOf, textOf } from '../../../../../test/utils/dom';
import { authorize, changeErrorText, fireChange, pendingSummary } from '../../../../../test/utils/authorize';
import {
    ACCOUNT_ID,
    AUTHORIZATION,
    cleanUpAfterEach,
    closedWith,
    mountPanel,
    serviceError
} from '../../../../../test/utils/panel';
import ASSIGNMENTS from './data/assignments.json';

jest.mock('c/billingApi');

const mocked = api as jest.Mocked<typeof api>;
type Modal = HTMLElement & { shadowRoot: ShadowRoot; close(result?: unknown): void };

const BEN = '005000000000002AAA';

async function render(): Promise<Modal> {
    return (await mountPanel('c-assign-licenses-modal', AssignLicensesModal)) as Modal;
}

function box(element: Modal, key: string): HTMLElement & { checked: boolean } {
    const input = element.shadowRoot.querySelector(`lightning-input[data-field="${key}"]`);
    if (!input) throw new Error(`no box ${key}`);
    return input as HTMLElement & { checked: boolean };
}

async function toggle(element: Modal, key: string, checked = true): Promise<void> {
    fireChange(box(element, key), { checked });
    await flushPromises();
}

async function tickAndReview(element: Modal, key: string): Promise<void> {
    await toggle(element, key);
    clickOn(element, 'lightning-button.review-assignments');
    await flushPromises();
}

function texts(element: Modal, selector: string): string[] {
    return Array.from(element.shadowRoot.querySelectorAll(selector)).map((node) => node.textContent ?? '');
}

/** Where the dialog moved the focus (the element itself, in the dialog's shadow root). */
function focused(element: Modal): Element | null {
    return element.shadowRoot.activeElement;
}

describe('c-assign-licenses-modal', () => {
    beforeEach(() => {
        mocked.newIdempotencyKey.mockReturnValue('key-1');
        mocked.getAssignments.mockResolvedValue(ASSIGNMENTS as api.Assignments);
    });

    cleanUpAfterEach();

    it('shows a spinner, not an empty grid, while the assignments load', async () => {
        mocked.getAssignments.mockReturnValue(new Promise(() => undefined));
        const element = await render();
        expect(element.shadowRoot.querySelector('c-loading-spinner')).not.toBeNull();
        expect(element.shadowRoot.querySelector('table')).toBeNull();
        expect(element.shadowRoot.querySelector('.totals')).toBeNull();
    });

    it('R2.2 R2.3 shows users × licenses, free seats per user license and what is free in each pool', async () => {
        const element = await render();
        expect(mocked.getAssignments).toHaveBeenCalledWith(ACCOUNT_ID);
        expect(element.shadowRoot.querySelector('c-loading-spinner')).toBeNull();
        expect(texts(element, 'th[scope="col"]')).toEqual([
            'User',
            'CRM (2 of 5 free)',
            'Dialer Tab (pool of 5, 4 free now)',
            'Dialer (PowerDialer) (pool of 5, 5 free now)',
            'ResponseLoop / ELF (0 of 1 free)'
        ]);
        expect(texts(element, 'th[scope="row"]')).toEqual([
            'Ada Admin — in use now: Dialer Tab',
            'Ben Caller',
            'Cy Gone (inactive)'
        ]);
        // The small panel on the far right (seed): available totals per license.
        expect(texts(element, '.totals li')).toEqual([
            'CRM2 free3 of 5 assigned',
            'Dialer Tab4 of 5 free now1 in use now; 1 user holds it',
            'Dialer (PowerDialer)5 of 5 free now0 in use now; 0 users hold it',
            'ResponseLoop / ELF0 free1 of 1 assigned'
        ]);
        const review = element.shadowRoot.querySelector(
            'lightning-button.review-assignments'
        ) as HTMLElement & {
            disabled: boolean;
        };
        expect(review.disabled).toBe(true);
    });

    it('R2.2 the totals follow the ticks before anything is saved', async () => {
        const element = await render();
        await toggle(element, `${BEN}|ELF`);
        expect(texts(element, '.totals li')[3]).toBe('ResponseLoop / ELF1 too many2 of 1 assigned');
        expect(texts(element, 'th[scope="col"]')[4]).toBe('ResponseLoop / ELF (1 more than the 1 bought)');
        const column = element.shadowRoot.querySelectorAll('th[scope="col"]')[4];
        expect(column?.classList.contains('slds-text-color_error')).toBe(true);
        expect(mocked.changeAssignments).not.toHaveBeenCalled();
    });

    it('R2.4 R9.2 assigns a license only after Accept, then closes with what was authorised', async () => {
        mocked.changeAssignments.mockResolvedValue(ASSIGNMENTS as api.Assignments);
        const element = await render();
        const closed = closedWith(element);
        await tickAndReview(element, `${BEN}|DIALER_TAB`);
        expect(pendingSummary(element.shadowRoot)).toBe(
            'License assignments: assign Dialer Tab to Ben Caller'
        );
        // The review (the authorization) is where keyboard and screen-reader users land.
        const footer = element.shadowRoot.querySelector('c-authorization-footer') as Modal;
        expect(footer.shadowRoot.activeElement).toBe(footer.shadowRoot.querySelector('.authorize'));
        expect(mocked.changeAssignments).not.toHaveBeenCalled();

        await authorize(element.shadowRoot);
        expect(mocked.changeAssignments).toHaveBeenCalledWith(
            ACCOUNT_ID,
            [{ userId: BEN, license: 'DIALER_TAB', assigned: true }],
            AUTHORIZATION,
            'key-1'
        );
        expect(closed).toEqual([
            {
                summary: 'License assignments: assign Dialer Tab to Ben Caller',
                authorised:
                    'License assignments: assign Dialer Tab to Ben Caller: authorised by Ada Admin, terms version 2026-01.'
            }
        ]);
    });

    it('R2.2 refuses an over-capacity ELF assignment on its box before the authorization opens', async () => {
        const element = await render();
        const validity: string[] = [];
        (
            box(element, `${BEN}|ELF`) as unknown as { setCustomValidity: (m: string) => void }
        ).setCustomValidity = (message) => validity.push(message);
        await tickAndReview(element, `${BEN}|ELF`);

        const refusal = element.shadowRoot.querySelector('.early-refusal');
        expect(refusal?.getAttribute('role')).toBe('alert');
        expect(refusal?.textContent).toBe(
            'These changes cannot be made yet:ResponseLoop / ELF: 1 of 1 licenses are assigned and 0 are free, so Ben Caller cannot be given one. Raise the quantity first.'
        );
        expect(focused(element)).toBe(refusal);
        expect(validity.at(-1)).toContain('Ben Caller cannot be given one');
        expect(box(element, `${BEN}|ELF`).parentElement?.className).toContain('slds-has-error');
        expect(pendingSummary(element.shadowRoot)).toBe('');
        expect(mocked.changeAssignments).not.toHaveBeenCalled();

        // Clearing the box clears the refusal; the review then opens normally.
        await toggle(element, `${BEN}|ELF`, false);
        expect(element.shadowRoot.querySelector('.early-refusal')).toBeNull();
    });

    it('R2.4 refuses a license without its prerequisite before the authorization opens', async () => {
        const element = await render();
        await tickAndReview(element, `${BEN}|DIALER`);
        expect(textOf(element, '.early-refusal')).toContain(
            'Ben Caller needs Dialer Tab before they can be given Dialer (PowerDialer).'
        );
        expect(pendingSummary(element.shadowRoot)).toBe('');

        await tickAndReview(element, `${BEN}|DIALER_TAB`);
        expect(element.shadowRoot.querySelector('.early-refusal')).toBeNull();
        expect(pendingSummary(element.shadowRoot)).toBe(
            'License assignments: assign Dialer (PowerDialer) to Ben Caller; assign Dialer Tab to Ben Caller'
        );
    });

    it('R2.7 refuses giving a deactivated user a license before the authorization opens', async () => {
        const element = await render();
        await tickAndReview(element, '005000000000003AAA|DIALER_TAB');
        expect(textOf(element, '.early-refusal')).toContain(
            'Cy Gone is deactivated in Salesforce and cannot be given Dialer Tab.'
        );
        expect(pendingSummary(element.shadowRoot)).toBe('');
    });

    it('R2.4 explains a refusal only the service can see, inline, stays open and keeps the key for a retry', async () => {
        mocked.changeAssignments.mockRejectedValue(
            serviceError('per_user_limit', 'CRM: 5 of 5 licenses are assigned and 0 are free.')
        );
        const element = await render();
        const closed = closedWith(element);
        await tickAndReview(element, `${BEN}|DIALER_TAB`);
        await authorize(element.shadowRoot);
        await authorize(element.shadowRoot);

        expect(changeErrorText(element.shadowRoot)).toContain('0 are free');
        const footer = element.shadowRoot.querySelector('c-authorization-footer') as Modal;
        expect(footer.shadowRoot.activeElement).toBe(
            footer.shadowRoot.querySelector('c-error-panel.refusal')
        );
        expect(pendingSummary(element.shadowRoot)).toContain('assign Dialer Tab to Ben Caller');
        expect(mocked.changeAssignments.mock.calls.map((call) => call[3])).toEqual(['key-1', 'key-1']);
        expect(closed).toEqual([]);
    });

    it('asks before Escape or Close discards unsaved ticks, and lands the admin on the question', async () => {
        const element = await render();
        const closed = closedWith(element);
        await toggle(element, `${BEN}|DIALER_TAB`);

        element.close(); // what Escape and the header's close button do
        await flushPromises();
        const confirm = element.shadowRoot.querySelector('.confirm-discard');
        expect(confirm?.getAttribute('role')).toBe('alertdialog');
        expect(confirm?.textContent).toContain('Discard your unsaved changes?');
        expect(confirm?.textContent).toContain(
            'You have 1 change to the license assignments that are not saved.'
        );
        expect(focused(element)).toBe(confirm);
        expect(closed).toEqual([]);

        element.close(); // a second Escape keeps editing
        await flushPromises();
        expect(element.shadowRoot.querySelector('.confirm-discard')).toBeNull();
        expect(box(element, `${BEN}|DIALER_TAB`).checked).toBe(true);

        clickOn(element, 'lightning-button.close');
        await flushPromises();
        clickOn(element, 'lightning-button.keep-editing');
        await flushPromises();
        expect(closed).toEqual([]);

        clickOn(element, 'lightning-button.close');
        await flushPromises();
        clickOn(element, 'lightning-button.discard');
        expect(closed).toEqual([{}]);
        expect(mocked.changeAssignments).not.toHaveBeenCalled();
    });

    it('closes at once when nothing was changed', async () => {
        const element = await render();
        const closed = closedWith(element);
        clickOn(element, 'lightning-button.close');
        element.close();
        expect(closed).toEqual([{}, null]);
        expect(element.shadowRoot.querySelector('.confirm-discard')).toBeNull();
    });

    it('shows the error when the assignments cannot be loaded', async () => {
        mocked.getAssignments.mockRejectedValue(serviceError('not_found', 'No such billing account.'));
        const element = await render();
        expect(innerTextOf(element, 'c-error-panel.load-error')).toContain('No such billing account.');
        expect(element.shadowRoot.querySelector('c-loading-spinner')).toBeNull();
        expect(element.shadowRoot.querySelector('table')).toBeNull();
    });

    it('is accessible', async () => {
        const element = await render();
        await expect(element).toBeAccessible();
    });

    it('is accessible with a refusal and the discard question shown', async () => {
        const element = await render();
        await tickAndReview(element, `${BEN}|ELF`);
        element.close();
        await flushPromises();
        await expect(element).toBeAccessible();
    });
});
