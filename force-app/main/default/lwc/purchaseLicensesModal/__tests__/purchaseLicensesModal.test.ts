import PurchaseLicensesModal from 'c/purchaseLicensesModal';
import * as api from 'c/billingApi';
import { flushPromises } from '../../../../../test/utils/flushPromises';
import { clickOn, innerTextOf, recordScrollsIntoView, textOf } from '../../../../../test/utils/dom';
import { authorize, changeErrorText, fireChange, pendingSummary } from '../../../../../test/utils/authorize';
import {
    ACCOUNT_ID,
    AUTHORIZATION,
    cleanUpAfterEach,
    closedWith,
    mountPanel,
    serviceError
} from '../../../../../test/utils/panel';
import LICENSES from '../../productsPanel/__tests__/data/licenses.json';
import QUANTITY_PREVIEW from './data/quantityPreview.json';
import FUNDING_SOURCES from '../../billingPreferencesPanel/__tests__/data/fundingSources.json';

jest.mock('c/billingApi');

const mocked = api as jest.Mocked<typeof api>;
type Modal = HTMLElement & { shadowRoot: ShadowRoot };
type Button = HTMLElement & { disabled: boolean };

async function render(): Promise<Modal> {
    return (await mountPanel('c-purchase-licenses-modal', PurchaseLicensesModal, {
        licenses: LICENSES
    })) as Modal;
}

async function previewCrm(element: Modal, quantity: string): Promise<void> {
    fireChange(element.shadowRoot.querySelector('lightning-input[data-code="CRM"]'), { value: quantity });
    await flushPromises();
    clickOn(element, 'lightning-button.preview-quantities');
    await flushPromises();
}

describe('c-purchase-licenses-modal', () => {
    beforeEach(() => {
        mocked.newIdempotencyKey.mockReturnValue('key-1');
        mocked.previewQuantities.mockResolvedValue(QUANTITY_PREVIEW as api.QuantityPreview);
        mocked.getFundingSources.mockResolvedValue(FUNDING_SOURCES as api.FundingSources);
    });

    cleanUpAfterEach();

    it('R3.2 shows a stepper per license with its floor, and the term end', async () => {
        const element = await render();
        const crm = element.shadowRoot.querySelector('lightning-input[data-code="CRM"]') as HTMLElement & {
            label: string;
            min: number;
        };
        expect(crm.label).toBe('CRM (now 20, floor 10)');
        expect(crm.min).toBe(10);
        expect(textOf(element, '.floors')).toContain('Jun 30, 2027');
        expect((element.shadowRoot.querySelector('lightning-button.buy-licenses') as Button).disabled).toBe(
            true
        );
    });

    it('R3.1 R3.4 previews the prorated charge and new monthly total, buys after Accept and closes', async () => {
        mocked.applyQuantities.mockResolvedValue({
            plan: QUANTITY_PREVIEW.plan,
            purchase: null
        } as api.QuantityChange);
        const element = await render();
        const closed = closedWith(element);
        await previewCrm(element, '22');

        expect(mocked.previewQuantities).toHaveBeenCalledWith(ACCOUNT_ID, { CRM: 22 }, 'key-1');
        expect(textOf(element, '.preview-lines')).toContain('9 of 30 days; charged now $27.00');
        expect(textOf(element, '.preview-totals')).toContain('$27.00');
        expect(textOf(element, '.preview-totals')).toContain('$1,465.00');

        clickOn(element, 'lightning-button.buy-licenses');
        await flushPromises();
        expect(pendingSummary(element.shadowRoot)).toContain('charge now $27.00');
        expect(mocked.applyQuantities).not.toHaveBeenCalled();
        await authorize(element.shadowRoot);
        expect(mocked.applyQuantities).toHaveBeenCalledWith(
            ACCOUNT_ID,
            { CRM: 22 },
            { chargeNow: 2700, monthlyRecurringTotal: 146500 },
            AUTHORIZATION,
            'key-1'
        );
        expect(closed).toHaveLength(1);
        expect(closed[0].authorised).toContain('new monthly total $1,465.00: authorised by Ada Admin');
    });

    it('R3.2 shows a floor refusal from the preview and does not offer Purchase', async () => {
        mocked.previewQuantities.mockResolvedValue({
            plan: null,
            refusals: [{ code: 'license_floor', message: 'CRM cannot go below 10 before Jun 30, 2027.' }]
        });
        const element = await render();
        const scrolled = await recordScrollsIntoView(() => previewCrm(element, '5'));
        expect(innerTextOf(element, 'c-error-panel.refusals')).toContain('CRM cannot go below 10');
        // Brought into view and focused, with role=alert, below the steppers.
        expect(scrolled).toEqual(['preview-refusal']);
        expect(element.shadowRoot.activeElement?.classList.contains('preview-refusal')).toBe(true);
        expect(element.shadowRoot.querySelector('.preview-refusal')?.getAttribute('role')).toBe('alert');
        // No figures for a refused change (it used to say "Charge now: $0.00").
        expect(element.shadowRoot.querySelector('.preview-totals')).toBeNull();
        expect((element.shadowRoot.querySelector('lightning-button.buy-licenses') as Button).disabled).toBe(
            true
        );
    });

    it('shows why the preview failed', async () => {
        mocked.previewQuantities.mockRejectedValue(new Error('Service unavailable'));
        const element = await render();
        await previewCrm(element, '22');
        expect(innerTextOf(element, 'c-error-panel.preview-error')).toContain('Service unavailable');
    });

    it('R9 shows a refused purchase inline and stays open', async () => {
        mocked.applyQuantities.mockRejectedValue(serviceError('payment_declined', 'The card was declined.'));
        const element = await render();
        const closed = closedWith(element);
        await previewCrm(element, '22');
        clickOn(element, 'lightning-button.buy-licenses');
        await flushPromises();
        await authorize(element.shadowRoot);
        expect(changeErrorText(element.shadowRoot)).toContain('The card was declined.');
        expect(closed).toEqual([]);
    });

    it('R3.1 R9 when the charge changed since the preview: shows the refusal and the new figures, charges only after a new Accept', async () => {
        mocked.applyQuantities.mockRejectedValueOnce(
            serviceError('quote_changed', 'The charge changed since the preview: it is now $24.00 now.')
        );
        const element = await render();
        const closed = closedWith(element);
        await previewCrm(element, '22');
        const newPlan = { ...QUANTITY_PREVIEW.plan, chargeNow: 2400 };
        mocked.previewQuantities.mockResolvedValue({ plan: newPlan, refusals: [] } as api.QuantityPreview);
        clickOn(element, 'lightning-button.buy-licenses');
        await flushPromises();
        await authorize(element.shadowRoot);
        expect(changeErrorText(element.shadowRoot)).toContain('it is now $24.00 now');
        expect(textOf(element, '.preview-totals')).toContain('$24.00');
        expect(closed).toEqual([]);
        mocked.newIdempotencyKey.mockReturnValue('key-2');
        mocked.applyQuantities.mockResolvedValue({ plan: newPlan, purchase: null } as api.QuantityChange);
        clickOn(element, 'lightning-button.buy-licenses');
        await flushPromises();
        expect(pendingSummary(element.shadowRoot)).toContain('charge now $24.00');
        await authorize(element.shadowRoot);
        expect(mocked.applyQuantities).toHaveBeenLastCalledWith(
            ACCOUNT_ID,
            { CRM: 22 },
            { chargeNow: 2400, monthlyRecurringTotal: 146500 },
            AUTHORIZATION,
            'key-2'
        );
        expect(closed).toHaveLength(1);
    });

    it('R7.4 shows in the top right the primary funding source the purchase is charged to', async () => {
        const element = await render();
        expect(mocked.getFundingSources).toHaveBeenCalledWith(ACCOUNT_ID);
        const charged = element.shadowRoot.querySelector('c-charged-source') as Modal & { accountId: string };
        expect(charged.accountId).toBe(ACCOUNT_ID);
        expect(textOf(charged, '.source')).toBe('Visa ending 4242 (primary) expires 04/2029');
        expect(textOf(charged, '.how-to-change')).toContain('make it primary in Billing Preferences');
    });

    it('R3.6 shows the contracted unit price under each license', async () => {
        const element = await render();
        const prices = Array.from(element.shadowRoot.querySelectorAll('.unit-price')).map(
            (price) => price.textContent
        );
        expect(prices).toEqual(['$45.00 per month each', '$20.00 per month each', '$75.00 per month each']);
    });

    it('is accessible', async () => {
        const element = await render();
        await previewCrm(element, '22');
        await expect(element).toBeAccessible();
    });
});
