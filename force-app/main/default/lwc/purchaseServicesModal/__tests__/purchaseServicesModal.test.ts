import PurchaseServicesModal from 'c/purchaseServicesModal';
import * as api from 'c/billingApi';
import { flushPromises } from '../../../../../test/utils/flushPromises';
import { clickOn, innerTextOf, textOf } from '../../../../../test/utils/dom';
import { authorize, changeErrorText, fireChange } from '../../../../../test/utils/authorize';
import {
    ACCOUNT_ID,
    AUTHORIZATION,
    cleanUpAfterEach,
    closedWith,
    mountPanel,
    serviceError
} from '../../../../../test/utils/panel';
import SERVICES from './data/services.json';
import FUNDING_SOURCES from '../../billingPreferencesPanel/__tests__/data/fundingSources.json';

jest.mock('c/billingApi');

const mocked = api as jest.Mocked<typeof api>;
type Modal = HTMLElement & { shadowRoot: ShadowRoot };

async function render(): Promise<Modal> {
    return (await mountPanel('c-purchase-services-modal', PurchaseServicesModal)) as Modal;
}

async function buyStandard(element: Modal): Promise<void> {
    fireChange(element.shadowRoot.querySelector('lightning-combobox.service-choice'), {
        value: 'IMPL_STANDARD'
    });
    await flushPromises();
    clickOn(element, 'lightning-button.buy-service');
    await flushPromises();
    await authorize(element.shadowRoot);
}

describe('c-purchase-services-modal', () => {
    beforeEach(() => {
        mocked.newIdempotencyKey.mockReturnValue('key-1');
        mocked.getServices.mockResolvedValue(SERVICES as api.Services);
        mocked.getFundingSources.mockResolvedValue(FUNDING_SOURCES as api.FundingSources);
    });

    cleanUpAfterEach();

    it('R7.5 offers only the services the panel may sell, with their prices', async () => {
        const element = await render();
        expect(mocked.getServices).toHaveBeenCalledWith(ACCOUNT_ID);
        const choice = element.shadowRoot.querySelector(
            'lightning-combobox.service-choice'
        ) as HTMLElement & {
            options: Array<{ label: string; value: string }>;
        };
        expect(choice.options).toEqual([
            { label: 'Standard implementation ($1,500.00)', value: 'IMPL_STANDARD' }
        ]);
    });

    it('R7.5 describes each service it sells, and says the others go through a service representative', async () => {
        const element = await render();
        const rows = Array.from(element.shadowRoot.querySelectorAll('li.service')).map((li) => [
            li.querySelector('p')?.textContent?.replace(/\s+/g, ' ').trim(),
            li.querySelector('.description')?.textContent
        ]);
        expect(rows).toEqual([['Standard implementation $1,500.00', 'Setup with a specialist.']]);
        expect(textOf(element, '.representative-note').replace(/\s+/g, ' ')).toContain(
            'Other services (Consulting, Training) go through your service representative first'
        );
    });

    it('R7.4 shows the primary funding source the service will be charged to', async () => {
        const element = await render();
        expect(mocked.getFundingSources).toHaveBeenCalledWith(ACCOUNT_ID);
        expect(textOf(element.shadowRoot.querySelector('c-charged-source') as Modal, '.source')).toBe(
            'Visa ending 4242 (primary) expires 04/2029'
        );
    });

    it('R7.5 buys an implementation service after Accept and closes with what was authorised', async () => {
        mocked.purchaseService.mockResolvedValue({} as Awaited<ReturnType<typeof api.purchaseService>>);
        const element = await render();
        const closed = closedWith(element);
        await buyStandard(element);
        expect(mocked.purchaseService).toHaveBeenCalledWith(
            ACCOUNT_ID,
            'IMPL_STANDARD',
            AUTHORIZATION,
            'key-1'
        );
        expect(closed[0]?.authorised).toContain(
            'Buy Standard implementation for $1,500.00: authorised by Ada Admin'
        );
    });

    it('shows a refused purchase inline and stays open', async () => {
        mocked.purchaseService.mockRejectedValue(serviceError('payment_declined', 'The card was declined.'));
        const element = await render();
        const closed = closedWith(element);
        await buyStandard(element);
        expect(changeErrorText(element.shadowRoot)).toContain('The card was declined.');
        expect(closed).toEqual([]);
    });

    it('shows the error when the services cannot be loaded', async () => {
        mocked.getServices.mockRejectedValue(new Error('Service unavailable'));
        const element = await render();
        expect(innerTextOf(element, 'c-error-panel.load-error')).toContain('Service unavailable');
    });

    it('is accessible', async () => {
        const element = await render();
        await expect(element).toBeAccessible();
    });
});
