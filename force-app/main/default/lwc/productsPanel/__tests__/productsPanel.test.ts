import ProductsPanel from 'c/productsPanel';
import AssignLicensesModal from 'c/assignLicensesModal';
import PurchaseLicensesModal from 'c/purchaseLicensesModal';
import PurchaseServicesModal from 'c/purchaseServicesModal';
import StorageModal from 'c/storageModal';
import { publish, subscribe } from 'lightning/messageService';
import BILLING_REFRESH from '@salesforce/messageChannel/BillingRefresh__c';
import TERMS from '../../../../../test/data/terms.json';
import * as api from 'c/billingApi';
import { flushPromises } from '../../../../../test/utils/flushPromises';
import { clickOn, innerTextOf, textOf } from '../../../../../test/utils/dom';
import { authorisedText } from '../../../../../test/utils/authorize';
import {
    ACCOUNT_ID,
    answerLater,
    cleanUpAfterEach,
    mountPanel,
    serviceError,
    showsSpinner
} from '../../../../../test/utils/panel';
import LICENSES from './data/licenses.json';

jest.mock('c/billingApi');

const mocked = api as jest.Mocked<typeof api>;

async function render(): Promise<HTMLElement & { shadowRoot: ShadowRoot }> {
    return (await mountPanel('c-products-panel', ProductsPanel)) as HTMLElement & { shadowRoot: ShadowRoot };
}

describe('c-products-panel', () => {
    beforeEach(() => {
        mocked.newIdempotencyKey.mockReturnValue('key-1');
        mocked.getLicenses.mockResolvedValue(LICENSES as api.Licenses);
    });

    cleanUpAfterEach();

    it('shows a spinner while the licenses load, no table or $0.00 total, and Purchase waits for them', async () => {
        const later = answerLater();
        mocked.getLicenses.mockReturnValue(later.promise as Promise<api.Licenses>);
        const element = await render();
        expect(showsSpinner(element)).toBe(true);
        expect(element.shadowRoot.querySelector('lightning-datatable')).toBeNull();
        expect(element.shadowRoot.querySelector('.monthly-total')).toBeNull();
        const purchase = element.shadowRoot.querySelector('lightning-button.purchase') as unknown as {
            disabled: boolean;
        };
        expect(purchase.disabled).toBe(true);
        later.answer(LICENSES);
        await flushPromises();
        expect(showsSpinner(element)).toBe(false);
        expect(textOf(element, '.monthly-total')).toContain('$1,375.00');
        expect(purchase.disabled).toBe(false);
    });

    it("shows another account's licenses only once they came (not the first account's meanwhile)", async () => {
        const element = (await render()) as HTMLElement & { shadowRoot: ShadowRoot; accountId: string };
        const later = answerLater();
        mocked.getLicenses.mockReturnValue(later.promise as Promise<api.Licenses>);
        element.accountId = 'acc-2';
        await flushPromises();
        expect(showsSpinner(element)).toBe(true);
        expect(element.shadowRoot.querySelector('.monthly-total')).toBeNull();
        later.answer(LICENSES);
        await flushPromises();
        expect(mocked.getLicenses).toHaveBeenLastCalledWith('acc-2');
        expect(element.shadowRoot.querySelector('.monthly-total')).not.toBeNull();
    });

    it("drops a late answer for an account the admin has left: the newer account's licenses stay", async () => {
        const element = (await render()) as HTMLElement & { shadowRoot: ShadowRoot; accountId: string };
        const slow = answerLater();
        const fast = answerLater();
        mocked.getLicenses.mockReturnValueOnce(slow.promise as Promise<api.Licenses>);
        element.accountId = 'acc-2';
        mocked.getLicenses.mockReturnValueOnce(fast.promise as Promise<api.Licenses>);
        element.accountId = 'acc-3';
        fast.answer({ ...LICENSES, recurringTotalCents: 4200 });
        await flushPromises();
        expect(textOf(element, '.monthly-total')).toContain('$42.00');
        slow.answer(LICENSES);
        await flushPromises();
        expect(textOf(element, '.monthly-total')).toContain('$42.00');
        expect(showsSpinner(element)).toBe(false);
    });

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

    it.each([
        ['assign', AssignLicensesModal, { size: 'large', label: 'Assign Licenses' }],
        ['services', PurchaseServicesModal, { size: 'small', label: 'Purchase Services' }],
        ['storage', StorageModal, { size: 'small', label: 'Storage' }]
    ])('opens the %s dialog for this account and its terms', async (button, modal, options) => {
        const open = jest.spyOn(modal, 'open').mockResolvedValue({});
        const element = await render();
        clickOn(element, `lightning-button.${button}`);
        await flushPromises();
        expect(open).toHaveBeenCalledWith({ ...options, accountId: ACCOUNT_ID, terms: TERMS });
        expect(mocked.getLicenses).toHaveBeenCalledTimes(1);
    });

    it('R3.1 opens Purchase Product Licenses with the licenses shown; after a purchase it says what was authorised and refreshes', async () => {
        const authorised =
            'Change licenses CRM: 20 → 22; charge now $27.00; new monthly total $1,465.00: authorised by Ada Admin, terms version 2026-01.';
        const open = jest
            .spyOn(PurchaseLicensesModal, 'open')
            .mockResolvedValue({ summary: 'Change licenses CRM: 20 → 22', authorised });
        const element = await render();
        clickOn(element, 'lightning-button.purchase');
        await flushPromises();
        expect(open).toHaveBeenCalledWith({
            size: 'medium',
            label: 'Purchase Product Licenses',
            licenses: LICENSES,
            accountId: ACCOUNT_ID,
            terms: TERMS
        });
        expect(authorisedText(element.shadowRoot)).toBe(authorised);
        expect(publish).toHaveBeenCalledWith(undefined, BILLING_REFRESH, { accountId: ACCOUNT_ID });
        expect(mocked.getLicenses).toHaveBeenCalledTimes(2);
    });

    it('reloads once after its own change, though the refresh message it publishes reaches it too', async () => {
        jest.spyOn(PurchaseServicesModal, 'open').mockResolvedValue({
            summary: 'Buy X',
            authorised: 'Buy X: ok'
        });
        const element = await render();
        const listener = (subscribe as jest.Mock).mock.calls[0][2] as (message: unknown) => void;
        (publish as jest.Mock).mockImplementationOnce((_context, _channel, message) => listener(message));
        clickOn(element, 'lightning-button.services');
        await flushPromises();
        expect(publish).toHaveBeenCalledWith(undefined, BILLING_REFRESH, { accountId: ACCOUNT_ID });
        expect(mocked.getLicenses).toHaveBeenCalledTimes(2);
    });

    it('shows nothing authorised and does not refresh when a dialog is closed without a change', async () => {
        jest.spyOn(AssignLicensesModal, 'open').mockResolvedValue({});
        const element = await render();
        clickOn(element, 'lightning-button.assign');
        await flushPromises();
        expect(authorisedText(element.shadowRoot)).toBe('');
        expect(publish).not.toHaveBeenCalled();
    });

    it('R2.8 answers "how many flex ports do I need?" in the panel', async () => {
        const element = await render();
        expect(innerTextOf(element, 'c-flex-port-planner')).toContain('Recommended: 7 flex ports');
    });

    it('is accessible', async () => {
        const element = await render();
        await expect(element).toBeAccessible();
    });
});
