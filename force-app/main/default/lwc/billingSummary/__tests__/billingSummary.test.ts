import BillingSummary from 'c/billingSummary';
import { subscribe } from 'lightning/messageService';
import * as api from 'c/billingApi';
import { flushPromises } from '../../../../../test/utils/flushPromises';
import { innerTextOf, mount } from '../../../../../test/utils/dom';
import { answerLater, cleanUpAfterEach, serviceError, showsSpinner } from '../../../../../test/utils/panel';
import SUMMARY from './data/summary.json';
import TERMS from '../../../../../test/data/terms.json';

// Every export becomes a mock; the four panels inside get empty answers.
jest.mock('c/billingApi');

const mocked = api as jest.Mocked<typeof api>;
const ADMIN = { userId: '005000000000001AAA', name: 'Ada Admin', orgId: '00D000000000001AAA', isAdmin: true };
type Page = HTMLElement & { shadowRoot: ShadowRoot };
type Panel = HTMLElement & { accountId: string; terms: unknown };

async function render(): Promise<Page> {
    return (await mount('c-billing-summary', BillingSummary)) as Page;
}

const PANELS = [
    'c-products-panel',
    'c-billing-preferences-panel',
    'c-dialer-minutes-panel',
    'c-sales-transactions-panel'
];

describe('c-billing-summary', () => {
    beforeEach(() => {
        mocked.getMe.mockResolvedValue(ADMIN);
        mocked.getSummary.mockResolvedValue(SUMMARY as api.Summary);
        mocked.getTerms.mockResolvedValue(TERMS);
    });

    cleanUpAfterEach({ resetAnswers: true });

    it('R1.1 lists every account with its licenses billed, recurring total and recent purchases', async () => {
        const element = await render();
        const accounts = element.shadowRoot.querySelectorAll('article.account');
        expect(accounts).toHaveLength(2);
        expect(accounts[0].querySelector('.recurring')?.textContent).toContain('$1,375.00');
        expect(accounts[0].querySelector('.billed-licenses')?.textContent).toBe('CRM: 20 × $45.00 = $900.00');
        expect(accounts[0].querySelector('.recent-purchases')?.textContent).toContain(
            'TRX-000102, Nov 12, 2026'
        );
    });

    it('names each recent purchase in words (a monthly bill, not "cycle")', async () => {
        const withBill = JSON.parse(JSON.stringify(SUMMARY)) as api.Summary;
        withBill.accounts[0]!.recentPurchases[0]!.kind = 'cycle';
        mocked.getSummary.mockResolvedValue(withBill);
        const element = await render();
        const purchases = element.shadowRoot.querySelector('article.account .recent-purchases')?.textContent;
        expect(purchases).toContain('Monthly bill');
        expect(purchases).not.toContain('cycle');
    });

    it('shows a spinner while the billing loads, and no accounts or panels before the answer', async () => {
        const later = answerLater();
        mocked.getSummary.mockReturnValue(later.promise as Promise<api.Summary>);
        const element = await render();
        expect(showsSpinner(element)).toBe(true);
        expect(element.shadowRoot.querySelector('article.account')).toBeNull();
        expect(element.shadowRoot.querySelector('c-products-panel')).toBeNull();
        later.answer(SUMMARY);
        await flushPromises();
        expect(showsSpinner(element)).toBe(false);
        expect(element.shadowRoot.querySelectorAll('article.account')).toHaveLength(2);
    });

    it('R4.2 says in one line when a cycle bill failed and when it is tried next', async () => {
        const failing = JSON.parse(JSON.stringify(SUMMARY)) as api.Summary;
        const message =
            'Payment of the December 2026 bill failed on December 1, 2026; next try December 3, 2026.';
        failing.accounts[0]!.payment = {
            period: '2026-12',
            status: 'collecting',
            attempts: 1,
            failedOn: '2026-12-01',
            nextTryOn: '2026-12-03',
            waitingForNewSource: false,
            message
        };
        mocked.getSummary.mockResolvedValue(failing);
        const element = await render();
        const accounts = element.shadowRoot.querySelectorAll('article.account');
        expect(accounts[0].querySelector('.payment')?.textContent).toBe(message);
        expect(accounts[1].querySelector('.payment')).toBeNull();
    });

    it('R1.1 reloads its totals when a panel announces a change', async () => {
        const element = await render();
        const listener = (subscribe as jest.Mock).mock.calls[0][2] as (message: unknown) => void;
        const updated = JSON.parse(JSON.stringify(SUMMARY)) as api.Summary;
        updated.accounts[0]!.recurringTotalCents = 150000;
        mocked.getSummary.mockResolvedValue(updated);
        listener({ accountId: 'acc-1' });
        await flushPromises();
        expect(element.shadowRoot.querySelector('article.account .recurring')?.textContent).toContain(
            '$1,500.00'
        );
    });

    it('shows the four panels for the first account, with the terms, and switches account', async () => {
        const element = await render();
        for (const tag of PANELS) {
            const panel = element.shadowRoot.querySelector(tag) as Panel;
            expect(panel.accountId).toBe('acc-1');
            expect(panel.terms).toEqual(TERMS);
        }
        (element.shadowRoot.querySelector('lightning-button[data-id="acc-2"]') as HTMLElement).click();
        await flushPromises();
        for (const tag of PANELS) {
            expect((element.shadowRoot.querySelector(tag) as Panel).accountId).toBe('acc-2');
        }
    });

    it('R1.4 shows a non-admin the admins-only page and asks for no billing data', async () => {
        mocked.getMe.mockResolvedValue({ ...ADMIN, isAdmin: false });
        const element = await render();
        expect(element.shadowRoot.querySelector('.not-permitted h2')?.textContent).toBe(
            'Billing is for Salesforce admins'
        );
        expect(mocked.getSummary).not.toHaveBeenCalled();
        expect(element.shadowRoot.querySelector('c-products-panel')).toBeNull();
    });

    it('R1.4 shows the admins-only page when the service refuses the caller', async () => {
        mocked.getMe.mockRejectedValue(serviceError('not_permitted', 'Billing is for Salesforce admins.'));
        const element = await render();
        expect(element.shadowRoot.querySelector('.not-permitted')).not.toBeNull();
        expect(element.shadowRoot.querySelector('c-error-panel')).toBeNull();
    });

    it('issue 12: an org not connected yet shows the setup status with Connect; Check again loads the billing', async () => {
        const notConnected = {
            body: {
                code: 'org_not_registered',
                message: 'Not connected yet.',
                details: {
                    connectUrl:
                        'https://billing.powerdialer.example/connect/salesforce?org=00D000000000001AAA'
                }
            }
        };
        mocked.getMe.mockRejectedValueOnce(notConnected);
        const element = await render();
        const status = element.shadowRoot.querySelector('c-setup-status') as
            (HTMLElement & { checking: boolean }) | null;
        expect(status).not.toBeNull();
        expect(status?.shadowRoot?.querySelector('lightning-button.connect')).not.toBeNull();
        expect(element.shadowRoot.querySelector('c-error-panel')).toBeNull();
        expect(mocked.getSummary).not.toHaveBeenCalled();
        const later = answerLater();
        mocked.getMe.mockReturnValueOnce(later.promise as Promise<api.Me>);
        status?.dispatchEvent(new CustomEvent('retry'));
        await flushPromises();
        // While checking again the setup status stays, busy, instead of a blank page.
        expect(status?.isConnected).toBe(true);
        expect(status?.checking).toBe(true);
        later.answer(ADMIN);
        await flushPromises();
        expect(element.shadowRoot.querySelector('c-setup-status')).toBeNull();
        expect(element.shadowRoot.querySelectorAll('article.account')).toHaveLength(2);
    });

    it('shows any other error in the error panel', async () => {
        mocked.getSummary.mockRejectedValue(new Error('Unable to reach the billing service.'));
        const element = await render();
        expect(innerTextOf(element, 'c-error-panel')).toContain('Unable to reach the billing service.');
        expect(element.shadowRoot.querySelector('.not-permitted')).toBeNull();
    });

    it('is accessible, for admins and non-admins', async () => {
        const element = await render();
        await expect(element).toBeAccessible();
        document.body.removeChild(element);
        mocked.getMe.mockResolvedValue({ ...ADMIN, isAdmin: false });
        await expect(await render()).toBeAccessible();
    });
});
