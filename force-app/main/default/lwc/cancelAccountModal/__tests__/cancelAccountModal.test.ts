import CancelAccountModal from 'c/cancelAccountModal';
import * as api from 'c/billingApi';
import { innerTextOf, textOf } from '../../../../../test/utils/dom';
import { authorize, changeErrorText, pendingSummary } from '../../../../../test/utils/authorize';
import {
    ACCOUNT_ID,
    AUTHORIZATION,
    cleanUpAfterEach,
    closedWith,
    mountPanel,
    serviceError
} from '../../../../../test/utils/panel';

jest.mock('c/billingApi');

const mocked = api as jest.Mocked<typeof api>;
type Modal = HTMLElement & { shadowRoot: ShadowRoot };

const PREVIEW: api.Cancellation = {
    status: 'active',
    plan: {
        effectiveDate: '2027-06-30',
        remainingCycles: 7,
        monthlyAtFloors: 156857,
        monthlyAtCurrentQuantities: 200000,
        remainingOwed: 1098000,
        remainingIfUnchanged: 1400000
    }
};

async function render(): Promise<Modal> {
    return (await mountPanel('c-cancel-account-modal', CancelAccountModal)) as Modal;
}

function cancelButton(element: Modal): HTMLElement {
    const footer = element.shadowRoot.querySelector('c-authorization-footer') as HTMLElement & {
        shadowRoot: ShadowRoot;
    };
    return footer.shadowRoot.querySelector('lightning-button.cancel') as HTMLElement;
}

describe('c-cancel-account-modal', () => {
    beforeEach(() => {
        mocked.newIdempotencyKey.mockReturnValueOnce('preview-key').mockReturnValueOnce('key-1');
        mocked.previewCancellation.mockResolvedValue(PREVIEW);
    });

    cleanUpAfterEach({ resetAnswers: true });

    it('R4.3 shows the effective date and what remains owed, and cancels only after Accept', async () => {
        mocked.cancelAccount.mockResolvedValue(PREVIEW);
        const element = await render();
        const closed = closedWith(element);
        expect(mocked.previewCancellation).toHaveBeenCalledWith(ACCOUNT_ID, 'preview-key');
        expect(textOf(element, '.cancellation')).toContain('Jun 30, 2027');
        expect(textOf(element, '.cancellation')).toContain('$10,980.00');
        expect(pendingSummary(element.shadowRoot)).toBe(
            'Cancel the account, effective Jun 30, 2027, with $10,980.00 still owed under the contract'
        );
        expect(mocked.cancelAccount).not.toHaveBeenCalled();
        await authorize(element.shadowRoot);
        expect(mocked.cancelAccount).toHaveBeenCalledWith(ACCOUNT_ID, AUTHORIZATION, 'key-1');
        expect(closed[0]?.authorised).toContain('still owed under the contract: authorised by Ada Admin');
    });

    it('R4.3 shows why a cancellation cannot be previewed, and offers nothing to accept', async () => {
        mocked.previewCancellation.mockRejectedValue(
            serviceError('account_cancelling', 'This account is already set to cancel on Jun 30, 2027.')
        );
        const element = await render();
        expect(textOf(element, '.cancellation')).toBe('');
        expect(pendingSummary(element.shadowRoot)).toBe('');
        expect(innerTextOf(element, 'c-error-panel.load-error')).toContain(
            'already set to cancel on Jun 30, 2027'
        );
    });

    it('shows a refused cancellation inline and stays open', async () => {
        mocked.cancelAccount.mockRejectedValue(
            serviceError('account_cancelled', 'The account is already cancelled.')
        );
        const element = await render();
        const closed = closedWith(element);
        await authorize(element.shadowRoot);
        expect(changeErrorText(element.shadowRoot)).toContain('The account is already cancelled.');
        expect(closed).toEqual([]);
    });

    it("keeps the account when the footer's Cancel is pressed", async () => {
        const element = await render();
        const closed = closedWith(element);
        cancelButton(element).click();
        expect(closed).toEqual([{}]);
        expect(mocked.cancelAccount).not.toHaveBeenCalled();
    });

    it('is accessible', async () => {
        const element = await render();
        await expect(element).toBeAccessible();
    });
});
