import ReceiptModal from 'c/receiptModal';
import * as api from 'c/billingApi';
import { clickOn, innerTextOf } from '../../../../../test/utils/dom';
import {
    authorisedText,
    authorize,
    changeErrorText,
    pendingSummary
} from '../../../../../test/utils/authorize';
import {
    ACCOUNT_ID,
    AUTHORIZATION,
    answerLater,
    cleanUpAfterEach,
    fillAndPress,
    mountPanel,
    serviceError,
    showsSpinner
} from '../../../../../test/utils/panel';
import { flushPromises } from '../../../../../test/utils/flushPromises';
import TRANSACTION from './data/transaction.json';

jest.mock('c/billingApi');

const mocked = api as jest.Mocked<typeof api>;
type Modal = HTMLElement & {
    shadowRoot: ShadowRoot;
    accountId: string;
    transactionNumber: string;
    terms: unknown;
};

async function render(): Promise<Modal> {
    return (await mountPanel('c-receipt-modal', ReceiptModal, { transactionNumber: 'TRX-000101' })) as Modal;
}

function email(element: Modal, to: string): Promise<void> {
    return fillAndPress(element, 'lightning-input.email-to', { value: to }, 'lightning-button.email');
}

describe('c-receipt-modal', () => {
    beforeEach(() => {
        mocked.getTransaction.mockResolvedValue(TRANSACTION as api.TransactionDetail);
        mocked.newIdempotencyKey.mockReturnValueOnce('key-1').mockReturnValueOnce('key-2');
    });

    cleanUpAfterEach({ resetAnswers: true });

    it('shows a spinner while the receipt loads, not an empty dialog', async () => {
        const later = answerLater();
        mocked.getTransaction.mockReturnValue(later.promise as Promise<api.TransactionDetail>);
        const element = await render();
        expect(showsSpinner(element)).toBe(true);
        later.answer(TRANSACTION);
        await flushPromises();
        expect(showsSpinner(element)).toBe(false);
        expect(element.shadowRoot.querySelector('table.lines')).not.toBeNull();
    });

    it('R8.1 R8.3 shows the itemised receipt: product, quantity, unit price, proration, amount', async () => {
        const element = await render();
        expect(mocked.getTransaction).toHaveBeenCalledWith(ACCOUNT_ID, 'TRX-000101');
        const rows = Array.from(element.shadowRoot.querySelectorAll('table.lines tbody tr')).map((tr) =>
            Array.from(tr.children).map((cell) => cell.textContent)
        );
        expect(rows[1]).toEqual(['CRM (added)', '2', '$45.00', '9 of 30 days', '$27.00']);
        expect(element.shadowRoot.querySelector('.total')?.textContent).toBe('Total: $1,402.00');
        expect(element.shadowRoot.querySelector('.meta')?.textContent).toBe(
            'Nov 22, 2026 · Visa ending 4242 · Paid'
        );
    });

    it('R8.3 prints the receipt alone, in a frame of its own, not the billing page behind it', async () => {
        const element = await render();
        (element.shadowRoot.querySelector('lightning-button.print') as HTMLElement).click();
        // The frame lives outside the component on purpose: it is what the browser prints.
        // eslint-disable-next-line @lwc/lwc/no-document-query
        const frame = document.querySelector('iframe.print-frame') as HTMLIFrameElement;
        expect(frame).not.toBeNull();
        const print = jest.fn();
        Object.defineProperty(frame.contentWindow, 'print', { value: print });
        frame.dispatchEvent(new CustomEvent('load'));
        const printed = frame.contentDocument!.body;
        expect(printed.querySelector('h1')?.textContent).toBe('Receipt TRX-000101');
        expect(printed.querySelector('.total')?.textContent).toBe('Total: $1,402.00');
        expect(printed.querySelectorAll('table.lines tbody tr').length).toBeGreaterThan(1);
        expect(print).toHaveBeenCalledTimes(1);
        frame.contentWindow!.dispatchEvent(new CustomEvent('afterprint'));
        expect(frame.isConnected).toBe(false);
    });

    it('R8.3 R9.1 e-mails the receipt after Accept, reusing the key when the same send is retried', async () => {
        mocked.emailReceipt.mockRejectedValueOnce(serviceError('email_failed', 'Mail is down; try again.'));
        mocked.emailReceipt.mockResolvedValueOnce({
            sent: true,
            sentTo: 'ap@example.com',
            sentAt: '2026-11-22T15:00:00Z'
        });
        const element = await render();
        await email(element, 'ap@example.com');
        expect(pendingSummary(element.shadowRoot)).toBe('E-mail receipt TRX-000101 to ap@example.com');
        expect(mocked.emailReceipt).not.toHaveBeenCalled();
        await authorize(element.shadowRoot);
        expect(changeErrorText(element.shadowRoot)).toContain('Mail is down; try again.');
        await authorize(element.shadowRoot);
        expect(mocked.emailReceipt.mock.calls).toEqual([
            [ACCOUNT_ID, 'TRX-000101', 'ap@example.com', AUTHORIZATION, 'key-1'],
            [ACCOUNT_ID, 'TRX-000101', 'ap@example.com', AUTHORIZATION, 'key-1']
        ]);
        expect(authorisedText(element.shadowRoot)).toBe(
            'Receipt sent to ap@example.com: authorised by Ada Admin.'
        );
    });

    it('checks the address on its field before the authorization opens', async () => {
        const element = await render();
        const input = element.shadowRoot.querySelector('lightning-input.email-to') as unknown as {
            setCustomValidity: (message: string) => void;
        };
        const shown: string[] = [];
        input.setCustomValidity = (message) => shown.push(message);
        await email(element, 'ap@example');
        expect(shown.at(-1)).toBe('Enter an e-mail address, such as ap@example.com.');
        expect(pendingSummary(element.shadowRoot)).toBe('');
        await email(element, 'ap@example.com');
        expect(shown.at(-1)).toBe('');
        expect(pendingSummary(element.shadowRoot)).toBe('E-mail receipt TRX-000101 to ap@example.com');
    });

    it('closes', async () => {
        const element = await render();
        const closed = jest.fn();
        element.addEventListener('modalclose', closed);
        clickOn(element, 'lightning-button.close');
        expect(closed).toHaveBeenCalledTimes(1);
        expect((closed.mock.calls[0][0] as CustomEvent).detail).toEqual({});
    });

    it('shows the error when the receipt cannot be loaded', async () => {
        mocked.getTransaction.mockRejectedValue(serviceError('not_found', 'No transaction TRX-000101.'));
        const element = await render();
        expect(innerTextOf(element, 'c-error-panel')).toContain('No transaction TRX-000101.');
    });

    it('is accessible', async () => {
        const element = await render();
        await expect(element).toBeAccessible();
    });
});
