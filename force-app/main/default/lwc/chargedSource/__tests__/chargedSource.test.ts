import ChargedSource from 'c/chargedSource';
import * as api from 'c/billingApi';
import { mount, textOf } from '../../../../../test/utils/dom';
import { ACCOUNT_ID, cleanUpAfterEach, serviceError } from '../../../../../test/utils/panel';
import FUNDING_SOURCES from '../../billingPreferencesPanel/__tests__/data/fundingSources.json';

jest.mock('c/billingApi');

const mocked = api as jest.Mocked<typeof api>;
type Element = HTMLElement & { shadowRoot: ShadowRoot };
const [VISA, BANK, EXPIRED] = FUNDING_SOURCES.fundingSources;

async function render(): Promise<Element> {
    return (await mount('c-charged-source', ChargedSource, { accountId: ACCOUNT_ID })) as Element;
}

function text(element: Element): string {
    return (element.shadowRoot.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('c-charged-source', () => {
    cleanUpAfterEach();

    it('R7.4 names the primary source that will be charged, and how to charge another', async () => {
        mocked.getFundingSources.mockResolvedValue(FUNDING_SOURCES as api.FundingSources);
        const element = await render();
        expect(mocked.getFundingSources).toHaveBeenCalledWith(ACCOUNT_ID);
        expect(textOf(element, '.slds-text-title_caps')).toBe('Charged to');
        expect(textOf(element, '.source')).toBe('Visa ending 4242 (primary) expires 04/2029');
        expect(textOf(element, '.holder')).toBe('held by Ada Admin');
        expect(text(element)).toContain('To charge another source, make it primary in Billing Preferences.');
        expect(element.shadowRoot.querySelector('lightning-spinner')).toBeNull();
        expect(element.shadowRoot.querySelector('.expired')).toBeNull();
    });

    it('R7.3 warns when the primary card has expired, and when there is no primary at all', async () => {
        mocked.getFundingSources.mockResolvedValueOnce({
            fundingSources: [{ ...EXPIRED, role: 'primary' }, BANK]
        } as api.FundingSources);
        const expired = await render();
        expect(textOf(expired, '.source')).toBe('Mastercard ending 4444 (primary) expires 01/2024');
        expect(text(expired)).toContain('This card has expired: a charge on it would be refused.');

        mocked.getFundingSources.mockResolvedValueOnce({ fundingSources: [] } as api.FundingSources);
        const none = await render();
        expect(text(none)).toContain('No primary funding source: add one first.');
        expect(text(none)).not.toContain(VISA.last4);
    });

    it('shows a spinner while loading, not a false "no source"', async () => {
        mocked.getFundingSources.mockReturnValue(new Promise(() => undefined));
        const element = await render();
        expect(element.shadowRoot.querySelector('lightning-spinner')).not.toBeNull();
        expect(element.shadowRoot.querySelector('.no-source')).toBeNull();
    });

    it('says why the source could not be loaded', async () => {
        mocked.getFundingSources.mockRejectedValue(
            serviceError('salesforce_unavailable', 'The billing service is unavailable.')
        );
        const element = await render();
        const panel = element.shadowRoot.querySelector('c-error-panel') as Element;
        expect(panel.shadowRoot.textContent).toContain('The billing service is unavailable.');
        expect(element.shadowRoot.querySelector('.no-source')).toBeNull();
    });

    it('is accessible', async () => {
        mocked.getFundingSources.mockResolvedValue(FUNDING_SOURCES as api.FundingSources);
        const element = await render();
        await expect(element).toBeAccessible();
    });
});
