import AssignLicensesModal from 'c/assignLicensesModal';
import * as api from 'c/billingApi';
import { flushPromises } from '../../../../../test/utils/flushPromises';
import { clickOn, innerTextOf } from '../../../../../test/utils/dom';
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
type Modal = HTMLElement & { shadowRoot: ShadowRoot };

async function render(): Promise<Modal> {
    return (await mountPanel('c-assign-licenses-modal', AssignLicensesModal)) as Modal;
}

async function tick(element: Modal, key: string): Promise<void> {
    fireChange(element.shadowRoot.querySelector(`lightning-input[data-key="${key}"]`), { checked: true });
    await flushPromises();
    clickOn(element, 'lightning-button.review-assignments');
    await flushPromises();
}

describe('c-assign-licenses-modal', () => {
    beforeEach(() => {
        mocked.newIdempotencyKey.mockReturnValue('key-1');
        mocked.getAssignments.mockResolvedValue(ASSIGNMENTS as api.Assignments);
    });

    cleanUpAfterEach();

    it('R2.4 shows users × licenses with the available totals beside them', async () => {
        const element = await render();
        expect(mocked.getAssignments).toHaveBeenCalledWith(ACCOUNT_ID);
        const headers = Array.from(element.shadowRoot.querySelectorAll('th[scope="col"]')).map(
            (th) => th.textContent
        );
        expect(headers).toEqual([
            'User',
            'CRM (2 available)',
            'Dialer Tab (pool of 5)',
            'Dialer (PowerDialer) (pool of 5)'
        ]);
        const users = Array.from(element.shadowRoot.querySelectorAll('th[scope="row"]')).map(
            (th) => th.textContent
        );
        expect(users).toEqual(['Ada Admin — in use now: Dialer Tab', 'Ben Caller', 'Cy Gone (inactive)']);
        const review = element.shadowRoot.querySelector(
            'lightning-button.review-assignments'
        ) as HTMLElement & {
            disabled: boolean;
        };
        expect(review.disabled).toBe(true);
    });

    it('R2.4 R9.2 assigns a license only after Accept, then closes with what was authorised', async () => {
        mocked.changeAssignments.mockResolvedValue(ASSIGNMENTS as api.Assignments);
        const element = await render();
        const closed = closedWith(element);
        await tick(element, '005000000000002AAA|DIALER_TAB');
        expect(pendingSummary(element.shadowRoot)).toBe(
            'License assignments: assign Dialer Tab to Ben Caller'
        );
        expect(mocked.changeAssignments).not.toHaveBeenCalled();

        await authorize(element.shadowRoot);
        expect(mocked.changeAssignments).toHaveBeenCalledWith(
            ACCOUNT_ID,
            [{ userId: '005000000000002AAA', license: 'DIALER_TAB', assigned: true }],
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

    it('R2.4 explains a refused assignment inline, stays open and keeps the key for a retry', async () => {
        mocked.changeAssignments.mockRejectedValue(
            serviceError('missing_prerequisite', 'Dialer (PowerDialer) needs Dialer Tab on Ben Caller.')
        );
        const element = await render();
        const closed = closedWith(element);
        await tick(element, '005000000000002AAA|DIALER');
        await authorize(element.shadowRoot);
        await authorize(element.shadowRoot);

        expect(changeErrorText(element.shadowRoot)).toContain('needs Dialer Tab on Ben Caller');
        expect(pendingSummary(element.shadowRoot)).toContain('assign Dialer (PowerDialer) to Ben Caller');
        expect(mocked.changeAssignments.mock.calls.map((call) => call[3])).toEqual(['key-1', 'key-1']);
        expect(closed).toEqual([]);
    });

    it('shows the error when the assignments cannot be loaded', async () => {
        mocked.getAssignments.mockRejectedValue(serviceError('not_found', 'No such billing account.'));
        const element = await render();
        expect(innerTextOf(element, 'c-error-panel.load-error')).toContain('No such billing account.');
    });

    it('closes without a change', async () => {
        const element = await render();
        const closed = closedWith(element);
        clickOn(element, 'lightning-button.close');
        expect(closed).toEqual([{}]);
        expect(mocked.changeAssignments).not.toHaveBeenCalled();
    });

    it('is accessible', async () => {
        const element = await render();
        await expect(element).toBeAccessible();
    });
});
