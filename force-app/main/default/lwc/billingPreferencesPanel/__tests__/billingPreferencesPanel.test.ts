import BillingPreferencesPanel from 'c/billingPreferencesPanel';
import AddFundingSourceModal from 'c/addFundingSourceModal';
import CancelAccountModal from 'c/cancelAccountModal';
import TERMS from '../../../../../test/data/terms.json';
import * as api from 'c/billingApi';
import { flushPromises } from '../../../../../test/utils/flushPromises';
import { clickOn, innerTextOf, recordScrollsIntoView, textOf } from '../../../../../test/utils/dom';
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
            serviceError('last_valid_source', 'The last valid funding source cannot be removed.')
        );
        const element = await render();
        clickOn(element, 'lightning-button.remove[data-id="fs-1"]');
        await flushPromises();
        await authorize(element.shadowRoot);
        expect(changeErrorText(element.shadowRoot)).toContain(
            'The last valid funding source cannot be removed.'
        );
    });

    it('R7.3 disables Remove on the last valid source and says why; an expired card can still go', async () => {
        const [visa, , expired] = FUNDING_SOURCES.fundingSources;
        mocked.getFundingSources.mockResolvedValue({ fundingSources: [visa, expired] } as api.FundingSources);
        const element = await render();
        const remove = (id: string) =>
            element.shadowRoot.querySelector(`li[data-id="${id}"] lightning-button.remove`) as HTMLElement & {
                disabled: boolean;
            };
        expect(remove('fs-1').disabled).toBe(true);
        expect(textOf(element, 'li[data-id="fs-1"] .remove-refusal')).toContain(
            'This is the last valid funding source of the account: add another card or bank account before removing it.'
        );
        expect(remove('fs-3').disabled).toBe(false);
        expect(element.shadowRoot.querySelector('li[data-id="fs-3"] .remove-refusal')).toBeNull();
    });

    it('R7.3 R7.4 Remove and Make primary at the bottom of the card: the authorization and the refusal are brought into view and focused', async () => {
        const scrolled = await recordScrollsIntoView(async () => {
            mocked.removeFundingSource.mockRejectedValue(
                serviceError('last_valid_source', 'This is the last valid funding source of the account.')
            );
            const element = await render();
            const footer = element.shadowRoot.querySelector('c-authorization-footer') as HTMLElement & {
                shadowRoot: ShadowRoot;
            };
            clickOn(element, 'lightning-button.make-primary[data-id="fs-2"]');
            await flushPromises();
            expect(footer.shadowRoot.activeElement?.classList.contains('authorize')).toBe(true);
            clickOn(element, 'lightning-button.remove[data-id="fs-2"]');
            await flushPromises();
            expect(pendingSummary(element.shadowRoot)).toBe('Remove Bank account ending 6789');
            await authorize(element.shadowRoot);
            expect(footer.shadowRoot.activeElement?.classList.contains('refusal')).toBe(true);
        });
        expect(scrolled).toEqual(['authorize', 'authorize', 'refusal']);
    });

    it('R7.4 chooses the source for minute recharges', async () => {
        mocked.setRechargeSource.mockResolvedValue(FUNDING_SOURCES as api.FundingSources);
        const element = await render();
        clickOn(element, 'lightning-button.use-for-recharge[data-id="fs-1"]');
        await flushPromises();
        await authorize(element.shadowRoot);
        expect(mocked.setRechargeSource).toHaveBeenCalledWith(ACCOUNT_ID, 'fs-1', expect.anything(), 'key-1');
    });

    it('R1.3 offers only the active Salesforce admins as billing administrator, changed after Accept', async () => {
        mocked.setBillingAdministrator.mockResolvedValue({
            userId: '005000000000004AAA',
            name: 'Dee Admin',
            email: 'dee@example.com',
            isAdmin: true,
            active: true
        });
        const element = await render();
        expect(textOf(element, '.administrator')).toContain('Ada Admin');
        const picker = element.shadowRoot.querySelector(
            'lightning-combobox.administrator-choice'
        ) as HTMLElement & {
            options: { label: string; value: string }[];
            fieldLevelHelp: string;
        };
        // Not Ben (no admin rights), not Old Admin (inactive), not Ada (already the administrator).
        expect(picker.options).toEqual([
            { label: 'Dee Admin (dee@example.com)', value: '005000000000004AAA' }
        ]);
        expect(picker.fieldLevelHelp).toContain('Only active Salesforce admins');
        expect(element.shadowRoot.querySelector('.no-other-administrator')).toBeNull();
        expect((picker as unknown as { disabled: boolean }).disabled).toBeFalsy();
        fireChange(picker, { value: '005000000000004AAA' });
        await flushPromises();
        clickOn(element, 'lightning-button.change-administrator');
        await flushPromises();
        expect(pendingSummary(element.shadowRoot)).toBe('Make Dee Admin the billing administrator');
        await authorize(element.shadowRoot);
        expect(mocked.setBillingAdministrator).toHaveBeenCalledWith(
            ACCOUNT_ID,
            '005000000000004AAA',
            expect.objectContaining({ lastName: 'Admin' }),
            'key-1'
        );
        expect(authorisedText(element.shadowRoot)).toContain('Make Dee Admin the billing administrator');
    });

    it('R1.3 says at once when no other active admin can take over', async () => {
        mocked.getUsers.mockResolvedValue({ ...USERS, users: [USERS.users[0], USERS.users[2]] } as api.Users);
        const element = await render();
        const picker = element.shadowRoot.querySelector(
            'lightning-combobox.administrator-choice'
        ) as HTMLElement & {
            options: unknown[];
            disabled: boolean;
        };
        expect(picker.options).toEqual([]);
        expect(picker.disabled).toBe(true);
        expect(textOf(element, '.no-other-administrator')).toContain(
            'No other active Salesforce admin can take over'
        );
    });

    it('R1.3 shows inline why the service still refuses an administrator (rights removed since the list loaded)', async () => {
        mocked.setBillingAdministrator.mockRejectedValue(
            serviceError('not_an_admin', 'Dee Admin is no longer a Salesforce admin.')
        );
        const element = await render();
        fireChange(element.shadowRoot.querySelector('lightning-combobox.administrator-choice'), {
            value: '005000000000004AAA'
        });
        await flushPromises();
        clickOn(element, 'lightning-button.change-administrator');
        await flushPromises();
        await authorize(element.shadowRoot);
        expect(changeErrorText(element.shadowRoot)).toContain('Dee Admin is no longer a Salesforce admin.');
    });

    it.each([
        ['add-source', AddFundingSourceModal, { size: 'medium', label: 'Add Funding Source' }],
        ['cancel-account', CancelAccountModal, { size: 'small', label: 'Cancel Account' }]
    ])(
        'opens the %s dialog; after an accepted change it says what was authorised and refreshes',
        async (button, modal, options) => {
            const open = jest
                .spyOn(modal, 'open')
                .mockResolvedValue({ summary: 'Change', authorised: 'Change: authorised by Ada Admin.' });
            const element = await render();
            clickOn(element, `lightning-button.${button}`);
            await flushPromises();
            expect(open).toHaveBeenCalledWith({ ...options, accountId: ACCOUNT_ID, terms: TERMS });
            expect(authorisedText(element.shadowRoot)).toBe('Change: authorised by Ada Admin.');
            expect(mocked.getFundingSources).toHaveBeenCalledTimes(2);
        }
    );

    it('shows the error when funding sources cannot be loaded', async () => {
        mocked.getFundingSources.mockRejectedValue(new Error('Service unavailable'));
        const element = await render();
        expect(innerTextOf(element, 'c-error-panel')).toContain('Service unavailable');
    });

    it('shows why the administrator or the user list could not be loaded, each on its own', async () => {
        mocked.getUsers.mockRejectedValue(
            serviceError('salesforce_unavailable', 'The directory is unavailable.')
        );
        const element = await render();
        expect(textOf(element, '.administrator')).toContain('Ada Admin');
        const errors = Array.from(element.shadowRoot.querySelectorAll('c-error-panel')).map(
            (panel) => panel.shadowRoot?.textContent ?? ''
        );
        expect(errors).toEqual([expect.stringContaining('The directory is unavailable.')]);
    });

    it('is accessible', async () => {
        const element = await render();
        await expect(element).toBeAccessible();
    });
});
