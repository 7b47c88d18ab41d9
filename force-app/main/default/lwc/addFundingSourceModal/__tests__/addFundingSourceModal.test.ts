import AddFundingSourceModal from 'c/addFundingSourceModal';
import * as api from 'c/billingApi';
import { flushPromises } from '../../../../../test/utils/flushPromises';
import { clickOn } from '../../../../../test/utils/dom';
import { authorize, changeErrorText, fireChange, pendingSummary } from '../../../../../test/utils/authorize';
import {
    ACCOUNT_ID,
    AUTHORIZATION,
    cleanUpAfterEach,
    closedWith,
    mountPanel,
    serviceError
} from '../../../../../test/utils/panel';
import FUNDING_SOURCES from '../../billingPreferencesPanel/__tests__/data/fundingSources.json';

jest.mock('c/billingApi');

const mocked = api as jest.Mocked<typeof api>;
type Modal = HTMLElement & { shadowRoot: ShadowRoot };

async function render(): Promise<Modal> {
    return (await mountPanel('c-add-funding-source-modal', AddFundingSourceModal)) as Modal;
}

async function fill(element: Modal, fields: Record<string, string>): Promise<void> {
    for (const [name, value] of Object.entries(fields)) {
        fireChange(element.shadowRoot.querySelector(`[data-field="${name}"]`), { value });
    }
    await flushPromises();
    clickOn(element, 'lightning-button.save-source');
    await flushPromises();
}

describe('c-add-funding-source-modal', () => {
    beforeEach(() => {
        mocked.newIdempotencyKey.mockReturnValue('key-1');
    });

    cleanUpAfterEach();

    it('R7.1 adds a card with the holder name after Accept, and closes with what was authorised', async () => {
        mocked.addFundingSource.mockResolvedValue(FUNDING_SOURCES.fundingSources[0] as api.FundingSource);
        const element = await render();
        const closed = closedWith(element);
        await fill(element, {
            holderFirstName: 'Ada',
            holderLastName: 'Admin',
            number: '4242 4242 4242 4242',
            expMonth: '12',
            expYear: '2030',
            cvc: '123'
        });
        expect(pendingSummary(element.shadowRoot)).toBe('Add card ending 4242 held by Ada Admin');
        expect(mocked.addFundingSource).not.toHaveBeenCalled();
        await authorize(element.shadowRoot);
        expect(mocked.addFundingSource).toHaveBeenCalledWith(
            ACCOUNT_ID,
            {
                kind: 'card',
                number: '4242424242424242',
                expMonth: 12,
                expYear: 2030,
                cvc: '123',
                holderFirstName: 'Ada',
                holderLastName: 'Admin'
            },
            AUTHORIZATION,
            'key-1'
        );
        expect(closed).toEqual([
            {
                summary: 'Add card ending 4242 held by Ada Admin',
                authorised:
                    'Add card ending 4242 held by Ada Admin: authorised by Ada Admin, terms version 2026-01.'
            }
        ]);
    });

    it('R7.1 adds a bank account and shows a routing refusal inline, staying open', async () => {
        mocked.addFundingSource.mockRejectedValue(
            serviceError('routing_number_invalid', 'The routing number 123456789 is not valid.')
        );
        const element = await render();
        const closed = closedWith(element);
        fireChange(element.shadowRoot.querySelector('lightning-combobox.kind'), { value: 'bank_account' });
        await flushPromises();
        await fill(element, {
            holderFirstName: 'Ada',
            holderLastName: 'Admin',
            routingNumber: '123456789',
            accountNumber: '000123456789',
            accountType: 'savings'
        });
        await authorize(element.shadowRoot);
        expect(mocked.addFundingSource.mock.calls[0]?.[1]).toEqual({
            kind: 'bank_account',
            routingNumber: '123456789',
            accountNumber: '000123456789',
            accountType: 'savings',
            holderFirstName: 'Ada',
            holderLastName: 'Admin'
        });
        expect(changeErrorText(element.shadowRoot)).toContain('routing number 123456789 is not valid');
        expect(closed).toEqual([]);
    });

    it('closes without adding anything', async () => {
        const element = await render();
        const closed = closedWith(element);
        clickOn(element, 'lightning-button.close');
        expect(closed).toEqual([{}]);
        expect(mocked.addFundingSource).not.toHaveBeenCalled();
    });

    it('is accessible', async () => {
        const element = await render();
        await expect(element).toBeAccessible();
    });
});
