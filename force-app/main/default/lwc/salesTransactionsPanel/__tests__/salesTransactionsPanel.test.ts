import SalesTransactionsPanel from 'c/salesTransactionsPanel';
import ReceiptModal from 'c/receiptModal';
import * as api from 'c/billingApi';
import { flushPromises } from '../../../../../test/utils/flushPromises';
import { innerTextOf } from '../../../../../test/utils/dom';
import { fireChange } from '../../../../../test/utils/authorize';
import { ACCOUNT_ID, cleanUpAfterEach, mountPanel, serviceError } from '../../../../../test/utils/panel';
import TRANSACTIONS from './data/transactions.json';
import TERMS from '../../../../../test/data/terms.json';

jest.mock('c/billingApi');

const mocked = api as jest.Mocked<typeof api>;
const openReceipt = ReceiptModal.open as jest.Mock;
type Panel = HTMLElement & { shadowRoot: ShadowRoot; accountId: string; today: string; terms: unknown };

async function render(): Promise<Panel> {
    return (await mountPanel('c-sales-transactions-panel', SalesTransactionsPanel, {
        today: '2026-11-22'
    })) as Panel;
}

describe('c-sales-transactions-panel', () => {
    beforeEach(() => {
        mocked.newIdempotencyKey.mockReturnValue('key-1');
        mocked.getTransactions.mockResolvedValue(TRANSACTIONS as api.Transactions);
    });

    cleanUpAfterEach();

    it('R8.2 lists the last 90 days with totals by kind as currency', async () => {
        const element = await render();
        // The service applies the default range (core's) and answers the days it used; 25 a page.
        expect(mocked.getTransactions).toHaveBeenCalledWith(ACCOUNT_ID, {
            to: '2026-11-22',
            kind: '',
            limit: 25
        });
        const from = element.shadowRoot.querySelector('lightning-input.from') as HTMLInputElement;
        expect(from.value).toBe('2026-08-25');
        const table = element.shadowRoot.querySelector('lightning-datatable') as HTMLElement & {
            data: Array<Record<string, unknown>>;
        };
        expect(table.data[0]).toMatchObject({
            kindLabel: 'Monthly bill',
            paidWith: 'Visa ending 4242',
            statusLabel: 'Paid'
        });
        expect(table.data[1]).toMatchObject({
            number: 'TRX-000102',
            displayDate: 'Nov 12, 2026',
            kindLabel: 'Dialer minutes',
            paidWith: 'Bank account ending 6789',
            statusLabel: 'Declined',
            total: '$100.00'
        });
        expect(element.shadowRoot.querySelector('dd.licenses')?.textContent).toBe('$1,375.00');
        expect(element.shadowRoot.querySelector('dd.storage')?.textContent).toBe('$0.00');
    });

    it('R8.2 filters by kind and date range', async () => {
        const element = await render();
        fireChange(element.shadowRoot.querySelector('lightning-combobox.kind'), { value: 'minutes' });
        await flushPromises();
        fireChange(element.shadowRoot.querySelector('lightning-input.from'), { value: '2026-11-10' });
        await flushPromises();
        expect(mocked.getTransactions).toHaveBeenLastCalledWith(ACCOUNT_ID, {
            from: '2026-11-10',
            to: '2026-11-22',
            kind: 'minutes',
            limit: 25
        });
    });

    it('says so when the range holds no transactions', async () => {
        mocked.getTransactions.mockResolvedValue({
            transactions: [],
            totals: { licenses: 0, minutes: 0, services: 0, storage: 0 }
        });
        const element = await render();
        expect(element.shadowRoot.querySelector('.empty')?.textContent).toBe(
            'No transactions in this range.'
        );
    });

    it('R8.3 opens the receipt of a TRX # in the modal', async () => {
        openReceipt.mockResolvedValue('closed');
        const element = await render();
        element.shadowRoot.querySelector('lightning-datatable')?.dispatchEvent(
            new CustomEvent('rowaction', {
                detail: { action: { name: 'open_receipt' }, row: { number: 'TRX-000101' } }
            })
        );
        await flushPromises();
        expect(openReceipt).toHaveBeenCalledWith({
            size: 'medium',
            label: 'Receipt TRX-000101',
            accountId: ACCOUNT_ID,
            transactionNumber: 'TRX-000101',
            terms: TERMS
        });
    });

    it('R8.2 shows a page at a time and loads the next below it, totals of the whole range', async () => {
        const [first, second] = TRANSACTIONS.transactions;
        mocked.getTransactions
            .mockResolvedValueOnce({
                ...TRANSACTIONS,
                transactions: [first],
                nextCursor: 'c1'
            } as api.Transactions)
            .mockResolvedValueOnce({
                ...TRANSACTIONS,
                transactions: [second],
                nextCursor: null
            } as api.Transactions);
        const element = await render();
        const table = () =>
            element.shadowRoot.querySelector('lightning-datatable') as HTMLElement & {
                data: { number: string }[];
            };
        expect(table().data.map((row) => row.number)).toEqual([first!.number]);
        (element.shadowRoot.querySelector('lightning-button.load-more') as HTMLElement).click();
        await flushPromises();
        expect(mocked.getTransactions).toHaveBeenLastCalledWith(ACCOUNT_ID, {
            from: '2026-08-25',
            to: '2026-11-22',
            kind: '',
            cursor: 'c1',
            limit: 25
        });
        expect(table().data.map((row) => row.number)).toEqual([first!.number, second!.number]);
        expect(element.shadowRoot.querySelector('lightning-button.load-more')).toBeNull();
    });

    it('shows a spinner while loading, and no empty range or $0.00 totals before the answer', async () => {
        let answer: (value: api.Transactions) => void = () => undefined;
        mocked.getTransactions.mockReturnValue(new Promise((resolve) => (answer = resolve)));
        const element = await render();
        expect(element.shadowRoot.querySelector('lightning-spinner')).not.toBeNull();
        expect(element.shadowRoot.querySelector('.empty')).toBeNull();
        expect(element.shadowRoot.querySelector('dl.totals')).toBeNull();
        answer(TRANSACTIONS as api.Transactions);
        await flushPromises();
        expect(element.shadowRoot.querySelector('lightning-spinner')).toBeNull();
        expect(element.shadowRoot.querySelector('dl.totals')).not.toBeNull();
    });

    it('R8.3 prints or e-mails a receipt from its row: the receipt opens on that step', async () => {
        openReceipt.mockResolvedValue(undefined);
        const element = await render();
        const press = async (action: string, step: string) => {
            element.shadowRoot.querySelector('lightning-datatable')?.dispatchEvent(
                new CustomEvent('rowaction', {
                    detail: { action: { name: action }, row: { number: 'TRX-000101' } }
                })
            );
            await flushPromises();
            expect(openReceipt).toHaveBeenLastCalledWith(
                expect.objectContaining({ transactionNumber: 'TRX-000101', step })
            );
        };
        await press('print_receipt', 'print');
        await press('email_receipt', 'email');
        const table = element.shadowRoot.querySelector('lightning-datatable') as HTMLElement & {
            columns: { typeAttributes?: { label?: unknown } }[];
        };
        expect(table.columns.map((column) => column.typeAttributes?.label)).toEqual(
            expect.arrayContaining(['Print', 'Email'])
        );
    });

    it('shows a refused range', async () => {
        mocked.getTransactions.mockRejectedValue(
            serviceError('invalid_request', 'The start of the range must be before its end.')
        );
        const element = await render();
        expect(innerTextOf(element, 'c-error-panel')).toContain(
            'The start of the range must be before its end.'
        );
    });

    it('is accessible', async () => {
        const element = await render();
        await expect(element).toBeAccessible();
    });
});
