import BillingPreferencesPanel from 'c/billingPreferencesPanel';
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
import { ACCOUNT_ID, cleanUpAfterEach, mountPanel, serviceError } from '../../../../../test/utils/panel';
import FUNDING_SOURCES from './data/fundingSources.json';
import USERS from './data/users.json';

jest.mock('c/billingApi');

const mocked = api as jest.Mocked<typeof api>;
type Panel = HTMLElement & { shadowRoot: ShadowRoot; accountId: string; terms: unknown };

async function render(): Promise<Panel> {
    return (await mountPanel('c-billing-preferences-panel', BillingPreferencesPanel)) as Panel;
}

describe('c-billing-preferences-panel', () => {
    beforeEach(() => {
        mocked.newIdempotencyKey.mockReturnValue('key-1');
        mocked.getFundingSources.mockResolvedValue(FUNDING_SOURCES as api.FundingSources);
        mocked.getBillingAdministrator.mockResolvedValue({
            userId: '005000000000001AAA',
            name: 'Ada Admin',
            email: 'ada@example.com',
            isAdmin: true,
            active: true
        });
        mocked.getUsers.mockResolvedValue(USERS as api.Users);
    });

    cleanUpAfterEach();

    it('R7.4 lists funding sources with role, expiry, last four and the recharge source', async () => {
        const element = await render();
        const rows = Array.from(element.shadowRoot.querySelectorAll('li.source')).map((li) =>
            (li.textContent ?? '').replace(/\s+/g, ' ').trim()
        );
        expect(rows[0]).toContain('Visa ending 4242 expires 04/2029 held by Ada Admin');
        expect(rows[0]).toContain('Primary');
        expect(rows[1]).toContain('Bank account ending 6789');
        expect(rows[1]).toContain('Secondary');
        expect(rows[1]).toContain('Used for minute recharges');
        expect(rows[2]).toContain('Expired: not a valid source');
        expect(
            element.shadowRoot.querySelector('li[data-id="fs-1"] lightning-button.make-primary')
        ).toBeNull();
        expect(
            element.shadowRoot.querySelector('li[data-id="fs-3"] lightning-button.make-primary')
        ).toBeNull();
    });

    it('R7.4 makes a source primary after Accept', async () => {
        mocked.makePrimary.mockResolvedValue(FUNDING_SOURCES as api.FundingSources);
        const element = await render();
        clickOn(element, 'lightning-button.make-primary[data-id="fs-2"]');
        await flushPromises();
        await authorize(element.shadowRoot);
        expect(mocked.makePrimary).toHaveBeenCalledWith(
            ACCOUNT_ID,
            'fs-2',
            expect.objectContaining({ accepted: true }),
            'key-1'
        );
        expect(authorisedText(element.shadowRoot)).toContain(
            'Make Bank account ending 6789 the primary funding source'
        );
    });

    it('R7.3 shows why the last valid source cannot be removed', async () => {
        mocked.removeFundingSource.mockRejectedValue(
            serviceError('last_funding_source', 'The last valid funding source cannot be removed.')
        );
        const element = await render();
        clickOn(element, 'lightning-button.remove[data-id="fs-1"]');
        await flushPromises();
        await authorize(element.shadowRoot);
        expect(changeErrorText(element.shadowRoot)).toContain(
            'The last valid funding source cannot be removed.'
        );
    });

    it('R7.1 adds a card with the holder name; the number goes only to the service', async () => {
        mocked.addFundingSource.mockResolvedValue(FUNDING_SOURCES.fundingSources[0] as api.FundingSource);
        const element = await render();
        clickOn(element, 'lightning-button.add-source');
        await flushPromises();
        const field = (name: string, value: string) =>
            fireChange(element.shadowRoot.querySelector(`lightning-input[data-field="${name}"]`), { value });
        field('holderFirstName', 'Ada');
        field('holderLastName', 'Admin');
        field('number', '4242 4242 4242 4242');
        field('expMonth', '12');
        field('expYear', '2030');
        field('cvc', '123');
        await flushPromises();
        clickOn(element, 'lightning-button.save-source');
        await flushPromises();
        expect(pendingSummary(element.shadowRoot)).toBe('Add card ending 4242 held by Ada Admin');
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
            expect.objectContaining({ accepted: true }),
            'key-1'
        );
        expect(element.shadowRoot.querySelector('.add-dialog')).toBeNull();
    });

    it('R7.1 adds a bank account and shows a routing refusal', async () => {
        mocked.addFundingSource.mockRejectedValue(
            serviceError('invalid_routing_number', 'The routing number 123456789 is not valid.')
        );
        const element = await render();
        clickOn(element, 'lightning-button.add-source');
        await flushPromises();
        fireChange(element.shadowRoot.querySelector('lightning-combobox.kind'), { value: 'bank_account' });
        await flushPromises();
        for (const [name, value] of [
            ['holderFirstName', 'Ada'],
            ['holderLastName', 'Admin'],
            ['routingNumber', '123456789'],
            ['accountNumber', '000123456789']
        ]) {
            fireChange(element.shadowRoot.querySelector(`lightning-input[data-field="${name}"]`), { value });
        }
        fireChange(element.shadowRoot.querySelector('lightning-combobox[data-field="accountType"]'), {
            value: 'savings'
        });
        await flushPromises();
        clickOn(element, 'lightning-button.save-source');
        await flushPromises();
        await authorize(element.shadowRoot);
        expect(mocked.addFundingSource.mock.calls[0][1]).toEqual({
            kind: 'bank_account',
            routingNumber: '123456789',
            accountNumber: '000123456789',
            accountType: 'savings',
            holderFirstName: 'Ada',
            holderLastName: 'Admin'
        });
        expect(changeErrorText(element.shadowRoot)).toContain('routing number 123456789 is not valid');
    });

    it('R7.4 chooses the source for minute recharges', async () => {
        mocked.setRechargeSource.mockResolvedValue(FUNDING_SOURCES as api.FundingSources);
        const element = await render();
        clickOn(element, 'lightning-button.use-for-recharge[data-id="fs-1"]');
        await flushPromises();
        await authorize(element.shadowRoot);
        expect(mocked.setRechargeSource).toHaveBeenCalledWith(ACCOUNT_ID, 'fs-1', expect.anything(), 'key-1');
    });

    it('R1.3 offers only active admins as billing administrator and changes it after Accept', async () => {
        mocked.setBillingAdministrator.mockResolvedValue({
            userId: '005000000000004AAA',
            name: 'Dee Admin',
            email: 'dee@example.com',
            isAdmin: true,
            active: true
        });
        const element = await render();
        expect(textOf(element, '.administrator')).toContain('Ada Admin');
        const combobox = element.shadowRoot.querySelector(
            'lightning-combobox.administrator-choice'
        ) as HTMLElement & {
            options: Array<{ value: string }>;
        };
        expect(combobox.options.map((option) => option.value)).toEqual([
            '005000000000001AAA',
            '005000000000004AAA'
        ]);
        fireChange(combobox, { value: '005000000000004AAA' });
        await flushPromises();
        clickOn(element, 'lightning-button.change-administrator');
        await flushPromises();
        await authorize(element.shadowRoot);
        expect(mocked.setBillingAdministrator).toHaveBeenCalledWith(
            ACCOUNT_ID,
            '005000000000004AAA',
            expect.objectContaining({ lastName: 'Admin' }),
            'key-1'
        );
    });

    it('R4.3 shows the effective date and what remains owed before cancelling', async () => {
        const preview: api.Cancellation = {
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
        mocked.previewCancellation.mockResolvedValue(preview);
        mocked.cancelAccount.mockResolvedValue(preview);
        const element = await render();
        clickOn(element, 'lightning-button.cancel-account');
        await flushPromises();
        expect(textOf(element, '.cancellation')).toContain('Jun 30, 2027');
        expect(textOf(element, '.cancellation')).toContain('$10,980.00');
        expect(mocked.cancelAccount).not.toHaveBeenCalled();
        await authorize(element.shadowRoot);
        expect(mocked.cancelAccount).toHaveBeenCalledWith(
            ACCOUNT_ID,
            expect.objectContaining({ accepted: true }),
            'key-1'
        );
    });

    it('R4.3 shows why a cancellation cannot be previewed, and offers nothing to accept', async () => {
        mocked.previewCancellation.mockRejectedValue({
            body: {
                code: 'already_cancelling',
                message: 'This account is already set to cancel on Jun 30, 2027.'
            }
        });
        const element = await render();
        clickOn(element, 'lightning-button.cancel-account');
        await flushPromises();
        expect(textOf(element, '.cancellation')).toBe('');
        expect(pendingSummary(element.shadowRoot)).toBe('');
        const errors = Array.from(element.shadowRoot.querySelectorAll('c-error-panel')).map(
            (panel) => panel.shadowRoot?.textContent ?? ''
        );
        expect(errors.join()).toContain('already set to cancel on Jun 30, 2027');
    });

    it('shows the error when funding sources cannot be loaded', async () => {
        mocked.getFundingSources.mockRejectedValue(new Error('Service unavailable'));
        const element = await render();
        expect(innerTextOf(element, 'c-error-panel')).toContain('Service unavailable');
    });

    it('is accessible', async () => {
        const element = await render();
        await expect(element).toBeAccessible();
    });
});
