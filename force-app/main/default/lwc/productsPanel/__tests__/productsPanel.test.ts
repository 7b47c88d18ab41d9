import ProductsPanel from 'c/productsPanel';
import * as api from 'c/billingApi';
import { flushPromises } from '../../../../../test/utils/flushPromises';
import { clickOn, innerTextOf, textOf } from '../../../../../test/utils/dom';
import {
    authorisedText,
    authorize,
    changeErrorText,
    fireChange,
    pendingSummary
} from '../../../../../test/utils/authorize';
import {
    ACCOUNT_ID,
    AUTHORIZATION,
    cleanUpAfterEach,
    mountPanel,
    serviceError
} from '../../../../../test/utils/panel';
import LICENSES from './data/licenses.json';
import ASSIGNMENTS from './data/assignments.json';
import QUANTITY_PREVIEW from './data/quantityPreview.json';
import STORAGE from './data/storage.json';
import SERVICES from './data/services.json';

jest.mock('c/billingApi');

const mocked = api as jest.Mocked<typeof api>;

async function render(): Promise<HTMLElement & { shadowRoot: ShadowRoot }> {
    return (await mountPanel('c-products-panel', ProductsPanel)) as HTMLElement & { shadowRoot: ShadowRoot };
}

describe('c-products-panel', () => {
    beforeEach(() => {
        mocked.newIdempotencyKey.mockReturnValue('key-1');
        mocked.getLicenses.mockResolvedValue(LICENSES as api.Licenses);
        mocked.getAssignments.mockResolvedValue(ASSIGNMENTS as api.Assignments);
    });

    cleanUpAfterEach();

    it('lists each license with purchased, assigned, in use, price and total as currency (R2, R2.7)', async () => {
        const element = await render();
        const table = element.shadowRoot.querySelector('lightning-datatable') as unknown as {
            data: Array<Record<string, unknown>>;
        };
        expect(mocked.getLicenses).toHaveBeenCalledWith(ACCOUNT_ID);
        expect(table.data[0]).toMatchObject({
            name: 'CRM',
            purchased: 20,
            assigned: 18,
            inUse: 15,
            price: '$45.00',
            total: '$900.00',
            inactiveFlag: '2 held by inactive users'
        });
        expect(textOf(element, '.monthly-total')).toContain('$1,375.00');
        expect(textOf(element, '.monthly-total')).toContain('Jun 30, 2027');
        expect(element.shadowRoot.querySelector('.inactive-warning')).not.toBeNull();
    });

    it('shows the service error when the licenses cannot be loaded', async () => {
        mocked.getLicenses.mockRejectedValue(serviceError('not_found', 'No such billing account.'));
        const element = await render();
        expect(innerTextOf(element, 'c-error-panel')).toContain('No such billing account.');
    });

    it('R2.4 assigns a license only after Accept, and shows what was authorised', async () => {
        mocked.changeAssignments.mockResolvedValue(ASSIGNMENTS as api.Assignments);
        const element = await render();
        clickOn(element, 'lightning-button.assign');
        await flushPromises();

        const headers = Array.from(element.shadowRoot.querySelectorAll('th[scope="col"]')).map(
            (th) => th.textContent
        );
        expect(headers).toEqual([
            'User',
            'CRM (2 available)',
            'Dialer Tab (pool of 5)',
            'Dialer (PowerDialer) (pool of 5)'
        ]);
        const box = element.shadowRoot.querySelector(
            'lightning-input[data-key="005000000000002AAA|DIALER_TAB"]'
        );
        fireChange(box, { checked: true });
        await flushPromises();
        clickOn(element, 'lightning-button.review-assignments');
        await flushPromises();
        expect(mocked.changeAssignments).not.toHaveBeenCalled();

        await authorize(element.shadowRoot);
        expect(mocked.changeAssignments).toHaveBeenCalledWith(
            ACCOUNT_ID,
            [{ userId: '005000000000002AAA', license: 'DIALER_TAB', assigned: true }],
            AUTHORIZATION,
            'key-1'
        );
        expect(authorisedText(element.shadowRoot)).toContain('assign DIALER_TAB to Ben Caller');
        expect(authorisedText(element.shadowRoot)).toContain(
            'authorised by Ada Admin, terms version 2026-01'
        );
    });

    it('R2.4 explains a refused assignment inline and keeps the key for a retry', async () => {
        mocked.changeAssignments.mockRejectedValue({
            body: {
                code: 'missing_prerequisite',
                message: 'Dialer (PowerDialer) needs Dialer Tab on Ben Caller.'
            }
        });
        const element = await render();
        clickOn(element, 'lightning-button.assign');
        await flushPromises();
        fireChange(
            element.shadowRoot.querySelector('lightning-input[data-key="005000000000002AAA|DIALER"]'),
            {
                checked: true
            }
        );
        await flushPromises();
        clickOn(element, 'lightning-button.review-assignments');
        await flushPromises();
        await authorize(element.shadowRoot);

        expect(changeErrorText(element.shadowRoot)).toContain('needs Dialer Tab on Ben Caller');
        expect(authorisedText(element.shadowRoot)).toBe('');
        expect(pendingSummary(element.shadowRoot)).toContain('assign DIALER to Ben Caller');
    });

    it('R3.1 R3.4 previews the prorated charge and new monthly total before buying licenses', async () => {
        mocked.previewQuantities.mockResolvedValue(QUANTITY_PREVIEW as api.QuantityPreview);
        mocked.applyQuantities.mockResolvedValue({
            plan: QUANTITY_PREVIEW.plan,
            purchase: null
        } as api.QuantityChange);
        const element = await render();
        clickOn(element, 'lightning-button.purchase');
        await flushPromises();
        const crm = element.shadowRoot.querySelector('lightning-input[data-code="CRM"]') as HTMLElement & {
            label: string;
        };
        expect(crm.label).toBe('CRM (now 20, floor 10)');
        fireChange(crm, { value: '22' });
        await flushPromises();
        clickOn(element, 'lightning-button.preview-quantities');
        await flushPromises();

        expect(mocked.previewQuantities).toHaveBeenCalledWith(ACCOUNT_ID, { CRM: 22 }, 'key-1');
        expect(textOf(element, '.preview-lines')).toContain('9 of 30 days; charged now $27.00');
        expect(textOf(element, '.preview-totals')).toContain('$27.00');
        expect(textOf(element, '.preview-totals')).toContain('$1,465.00');

        clickOn(element, 'lightning-button.buy-licenses');
        await flushPromises();
        await authorize(element.shadowRoot);
        expect(mocked.applyQuantities).toHaveBeenCalledWith(
            ACCOUNT_ID,
            { CRM: 22 },
            expect.objectContaining({ accepted: true }),
            'key-1'
        );
        expect(authorisedText(element.shadowRoot)).toContain('charge now $27.00');
    });

    it('R3.2 shows a floor refusal from the preview and does not offer Purchase', async () => {
        mocked.previewQuantities.mockResolvedValue({
            plan: null,
            refusals: [{ code: 'license_floor', message: 'CRM cannot go below 10 before Jun 30, 2027.' }]
        });
        const element = await render();
        clickOn(element, 'lightning-button.purchase');
        await flushPromises();
        fireChange(element.shadowRoot.querySelector('lightning-input[data-code="CRM"]'), { value: '5' });
        await flushPromises();
        clickOn(element, 'lightning-button.preview-quantities');
        await flushPromises();
        const refusals = element.shadowRoot.querySelector('c-error-panel.refusals') as HTMLElement & {
            shadowRoot: ShadowRoot;
        };
        expect(refusals.shadowRoot.textContent).toContain('CRM cannot go below 10');
        const buy = element.shadowRoot.querySelector('lightning-button.buy-licenses') as HTMLElement & {
            disabled: boolean;
        };
        expect(buy.disabled).toBe(true);
    });

    it('R7.5 buys an implementation service after Accept', async () => {
        mocked.getServices.mockResolvedValue(SERVICES as api.Services);
        mocked.purchaseService.mockResolvedValue({} as Awaited<ReturnType<typeof api.purchaseService>>);
        const element = await render();
        clickOn(element, 'lightning-button.services');
        await flushPromises();
        const choice = element.shadowRoot.querySelector(
            'lightning-combobox.service-choice'
        ) as HTMLElement & {
            options: Array<{ value: string }>;
        };
        expect(choice.options.map((option) => option.value)).toEqual(['IMPL_STANDARD']);
        fireChange(element.shadowRoot.querySelector('lightning-combobox.service-choice'), {
            value: 'IMPL_STANDARD'
        });
        await flushPromises();
        clickOn(element, 'lightning-button.buy-service');
        await flushPromises();
        await authorize(element.shadowRoot);
        expect(mocked.purchaseService).toHaveBeenCalledWith(
            ACCOUNT_ID,
            'IMPL_STANDARD',
            expect.objectContaining({ firstName: 'Ada' }),
            'key-1'
        );
        expect(authorisedText(element.shadowRoot)).toContain('Standard implementation for $1,500.00');
    });

    it('R6.3 shows storage usage by kind, allowance, fee and how to lower it', async () => {
        mocked.getStorage.mockResolvedValue(STORAGE as api.Storage);
        const element = await render();
        clickOn(element, 'lightning-button.storage');
        await flushPromises();
        expect(textOf(element, '.storage-usage')).toContain('Files and call recordings: 150 MB');
        expect(textOf(element, '.storage-summary')).toContain('500 MB of an allowance of 400 MB');
        expect(textOf(element, '.storage-usage')).toContain('Records: 300 MB');
        expect(textOf(element, '.storage-summary')).toContain('$30.00');
        expect(element.shadowRoot.querySelectorAll('.storage-advice li')).toHaveLength(3);
    });

    it('shows the error when storage cannot be loaded', async () => {
        mocked.getStorage.mockRejectedValue(new Error('Service unavailable'));
        const element = await render();
        clickOn(element, 'lightning-button.storage');
        await flushPromises();
        const panel = element.shadowRoot.querySelector('.storage-dialog c-error-panel') as HTMLElement & {
            shadowRoot: ShadowRoot;
        };
        expect(panel.shadowRoot.textContent).toContain('Service unavailable');
    });

    it('is accessible', async () => {
        const element = await render();
        clickOn(element, 'lightning-button.assign');
        await flushPromises();
        await expect(element).toBeAccessible();
    });
});
