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

/** A card the service's rules accept, as typed into the form. */
const VALID_CARD = {
    holderFirstName: 'Ada',
    holderLastName: 'Admin',
    number: '4242 4242 4242 4242',
    expMonth: '12',
    expYear: '2030',
    cvc: '123'
};

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
        await fill(element, VALID_CARD);
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

    it("R7.1 adds a bank account and shows the service's refusal inline, staying open", async () => {
        mocked.addFundingSource.mockRejectedValue(
            serviceError('routing_number_invalid', 'The routing number 110000000 is not valid.')
        );
        const element = await render();
        const closed = closedWith(element);
        fireChange(element.shadowRoot.querySelector('lightning-combobox.kind'), { value: 'bank_account' });
        await flushPromises();
        await fill(element, {
            holderFirstName: 'Ada',
            holderLastName: 'Admin',
            routingNumber: '110000000',
            accountNumber: '000123456789',
            accountType: 'savings'
        });
        await authorize(element.shadowRoot);
        expect(mocked.addFundingSource.mock.calls[0]?.[1]).toEqual({
            kind: 'bank_account',
            routingNumber: '110000000',
            accountNumber: '000123456789',
            accountType: 'savings',
            holderFirstName: 'Ada',
            holderLastName: 'Admin'
        });
        expect(changeErrorText(element.shadowRoot)).toContain('routing number 110000000 is not valid');
        expect(closed).toEqual([]);
    });

    /** What each card field says when Add is pressed on an empty form. */
    const EMPTY_FORM_MESSAGES = {
        holderFirstName: expect.stringContaining('first and last name') as string,
        holderLastName: expect.stringContaining('first and last name') as string,
        number: 'Enter the card number.',
        expMonth: 'The expiry month must be a number from 1 to 12.',
        expYear: 'The expiry year must be a four-digit year, such as 2031.',
        cvc: 'The security code is the 3 or 4 digits printed on the card.'
    };

    /** Records the message each field is given (jsdom's base-component stand-ins keep none). */
    function shownMessages(element: Modal): Map<string, string> {
        const shown = new Map<string, string>();
        for (const input of Array.from(element.shadowRoot.querySelectorAll<HTMLElement>('[data-field]'))) {
            (input as unknown as { setCustomValidity: (message: string) => void }).setCustomValidity = (
                message
            ) => shown.set(input.dataset.field ?? '', message);
        }
        return shown;
    }

    it("R7.1 checks each field with the service's rules before the authorization opens", async () => {
        const element = await render();
        const shown = shownMessages(element);
        await fill(element, { number: '4242 4242 4242 4241', expMonth: '8', expYear: '20202030', cvc: '12' });
        expect(pendingSummary(element.shadowRoot)).toBe('');
        expect(Object.fromEntries(shown)).toEqual({
            ...EMPTY_FORM_MESSAGES,
            number: 'The card number is not valid. Check the digits and try again.',
            expMonth: ''
        });
        expect(mocked.addFundingSource).not.toHaveBeenCalled();
    });

    it('R7.1 an empty form says on every field what it needs, and no authorization opens', async () => {
        const element = await render();
        const required = Array.from(
            element.shadowRoot.querySelectorAll<HTMLElement & { required: boolean }>('[data-field]')
        ).map((input) => [input.dataset.field, input.required]);
        expect(required).toEqual(Object.keys(EMPTY_FORM_MESSAGES).map((field) => [field, true]));
        const shown = shownMessages(element);
        await fill(element, {});
        expect(pendingSummary(element.shadowRoot)).toBe('');
        expect(
            element.shadowRoot.querySelector('c-authorization-footer')?.shadowRoot?.querySelector('section')
        ).toBeNull();
        expect(Object.fromEntries(shown)).toEqual(EMPTY_FORM_MESSAGES);
    });

    it('R7.3 refuses an expired card on its expiry year before the authorization opens', async () => {
        const element = await render();
        const shown = shownMessages(element);
        await fill(element, { ...VALID_CARD, expYear: '2020' });
        expect(pendingSummary(element.shadowRoot)).toBe('');
        expect(shown.get('expYear')).toBe('This card has expired. Use a card with a later expiry date.');
        expect(shown.get('number')).toBe('');
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
