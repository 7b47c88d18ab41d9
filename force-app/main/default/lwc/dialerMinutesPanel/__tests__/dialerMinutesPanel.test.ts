import DialerMinutesPanel from 'c/dialerMinutesPanel';
import * as api from 'c/billingApi';
import { publish, subscribe } from 'lightning/messageService';
import { flushPromises } from '../../../../../test/utils/flushPromises';
import { innerTextOf, textOf } from '../../../../../test/utils/dom';
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
    fillAndPress,
    mountPanel,
    serviceError
} from '../../../../../test/utils/panel';
import MINUTES from './data/minutes.json';
import USAGE from './data/usage.json';

jest.mock('c/billingApi');

const mocked = api as jest.Mocked<typeof api>;
const PURCHASE = { transactionNumber: 'TRX-000103', totalCents: 15000, balanceCents: 27345, minutes: 13672 };
type Panel = HTMLElement & { shadowRoot: ShadowRoot; accountId: string; terms: unknown };

async function render(): Promise<Panel> {
    return (await mountPanel('c-dialer-minutes-panel', DialerMinutesPanel)) as Panel;
}

function buy(element: Panel, amount: string): Promise<void> {
    return fillAndPress(element, 'lightning-input.amount', { value: amount }, 'lightning-button.buy-minutes');
}

describe('c-dialer-minutes-panel', () => {
    beforeEach(() => {
        mocked.newIdempotencyKey.mockReturnValue('key-1');
        mocked.getMinutes.mockResolvedValue(MINUTES as api.Minutes);
        mocked.getMinutesUsage.mockResolvedValue(USAGE as api.MinutesUsage);
    });

    cleanUpAfterEach();

    it('R5.1 shows the balance in dollars and minutes, and the recharge amount and threshold', async () => {
        const element = await render();
        expect(textOf(element, '.balance')).toContain('$123.45');
        expect(textOf(element, '.balance')).toContain('6,172 minutes');
        expect(textOf(element, '.recharge-terms')).toContain(
            'Recharges $84.00 when the balance falls below $42.00'
        );
        expect(mocked.getMinutesUsage).toHaveBeenCalledWith(ACCOUNT_ID, 30);
    });

    it('draws one bar per day of usage, the busiest day full height', async () => {
        const element = await render();
        const bars = element.shadowRoot.querySelectorAll('svg.usage-chart rect');
        expect(bars).toHaveLength(3);
        expect(bars[2].getAttribute('height')).toBe('110');
        expect(bars[0].getAttribute('height')).toBe('55');
        expect(bars[1].getAttribute('height')).toBe('0');
        expect(element.shadowRoot.querySelector('svg')?.getAttribute('aria-label')).toContain(
            '$18.00 in total'
        );
    });

    it("R5.2 refuses a purchase under $100 (or over the maximum) with the service's rule, without calling it", async () => {
        const element = await render();
        await buy(element, '99.99');
        expect(textOf(element, '.amount-message')).toBe(
            'A purchase of dialer minutes is at least $100.00 (5,000 minutes).'
        );
        expect(pendingSummary(element.shadowRoot)).toBe('');
        await buy(element, 'a lot');
        expect(textOf(element, '.amount-message')).toContain('Enter an amount in dollars');
        await buy(element, '100000.01');
        expect(textOf(element, '.amount-message')).toBe(
            'A single purchase of dialer minutes is at most $100,000.00.'
        );
        expect(mocked.purchaseMinutes).not.toHaveBeenCalled();
    });

    it('R5.2 R9.1 buys minutes after Accept, then reloads and tells the other panels', async () => {
        mocked.purchaseMinutes.mockResolvedValue(PURCHASE);
        const element = await render();
        expect(subscribe).toHaveBeenCalled();
        await buy(element, '150');
        expect(mocked.purchaseMinutes).not.toHaveBeenCalled();
        mocked.getMinutes.mockResolvedValue({
            ...(MINUTES as api.Minutes),
            balanceCents: 27345,
            minutes: 13672
        });
        await authorize(element.shadowRoot);
        expect(mocked.purchaseMinutes).toHaveBeenCalledWith(ACCOUNT_ID, 15000, AUTHORIZATION, 'key-1');
        expect(publish).toHaveBeenCalledWith(undefined, expect.anything(), { accountId: ACCOUNT_ID });
        expect(textOf(element, '.balance')).toContain('$273.45');
        expect(authorisedText(element.shadowRoot)).toContain(
            'Buy $150.00 of dialer minutes: authorised by Ada Admin'
        );
    });

    /** Flips the recharge switch as a click does (the switch moves, then fires change). */
    async function flipRecharge(element: Panel): Promise<HTMLElement & { checked: boolean }> {
        const toggle = element.shadowRoot.querySelector('lightning-input.recharge') as HTMLElement & {
            checked: boolean;
        };
        toggle.checked = !toggle.checked;
        fireChange(toggle, { checked: toggle.checked });
        await flushPromises();
        return toggle;
    }

    it('R5.3 R9.1 turns automatic recharge on after Accept; the switch shows Off until the service has it On', async () => {
        mocked.setRecharge.mockResolvedValue({ ...MINUTES.recharge, enabled: true });
        const element = await render();
        const toggle = await flipRecharge(element);
        expect(pendingSummary(element.shadowRoot)).toBe(
            'Turn on automatic recharge: $84.00 whenever the balance falls below $42.00'
        );
        expect(toggle.checked).toBe(false);
        expect(textOf(element, '.recharge-waiting')).toContain(
            'Automatic recharge stays Off until you accept turning it on below.'
        );
        mocked.getMinutes.mockResolvedValue({
            ...MINUTES,
            recharge: { ...MINUTES.recharge, enabled: true }
        } as api.Minutes);
        await authorize(element.shadowRoot);
        expect(mocked.setRecharge).toHaveBeenCalledWith(
            ACCOUNT_ID,
            true,
            expect.objectContaining({ accepted: true }),
            'key-1'
        );
        expect(toggle.checked).toBe(true);
        expect(element.shadowRoot.querySelector('.recharge-waiting')).toBeNull();
    });

    it('R9.1 a refused recharge change leaves the switch where the service has it', async () => {
        mocked.setRecharge.mockRejectedValue(
            serviceError('terms_version_outdated', 'The terms changed: read and accept the new version.')
        );
        const element = await render();
        const toggle = await flipRecharge(element);
        await authorize(element.shadowRoot);
        expect(changeErrorText(element.shadowRoot)).toContain(
            'The terms changed: read and accept the new version.'
        );
        expect(toggle.checked).toBe(false);
    });

    it('reloads when another panel says this account changed, and ignores other accounts', async () => {
        await render();
        const listener = (subscribe as jest.Mock).mock.calls[0][2] as (message: unknown) => void;
        expect(mocked.getMinutes).toHaveBeenCalledTimes(1);
        listener({ accountId: 'another-account' });
        await flushPromises();
        expect(mocked.getMinutes).toHaveBeenCalledTimes(1);
        listener({ accountId: ACCOUNT_ID });
        await flushPromises();
        expect(mocked.getMinutes).toHaveBeenCalledTimes(2);
    });

    it('leaves the recharge switch Off when the change is cancelled', async () => {
        const element = await render();
        const toggle = await flipRecharge(element);
        const footer = element.shadowRoot.querySelector('c-authorization-footer') as HTMLElement;
        footer.dispatchEvent(new CustomEvent('cancel'));
        await flushPromises();
        expect(pendingSummary(element.shadowRoot)).toBe('');
        expect(toggle.checked).toBe(false);
        expect(element.shadowRoot.querySelector('.recharge-waiting')).toBeNull();
        expect(mocked.setRecharge).not.toHaveBeenCalled();
    });

    it('shows a refused purchase and keeps the footer to retry with the same key', async () => {
        mocked.purchaseMinutes.mockRejectedValue(serviceError('payment_declined', 'The card was declined.'));
        const element = await render();
        await buy(element, '100');
        await authorize(element.shadowRoot);
        expect(changeErrorText(element.shadowRoot)).toContain('The card was declined.');
        mocked.purchaseMinutes.mockResolvedValue(PURCHASE);
        await authorize(element.shadowRoot);
        expect(mocked.purchaseMinutes.mock.calls.map((call) => call[3])).toEqual(['key-1', 'key-1']);
        expect(mocked.newIdempotencyKey).toHaveBeenCalledTimes(1);
    });

    it('shows the error when the balance cannot be loaded', async () => {
        mocked.getMinutes.mockRejectedValue(serviceError('not_found', 'No such billing account.'));
        const element = await render();
        expect(innerTextOf(element, 'c-error-panel')).toContain('No such billing account.');
    });

    it('is accessible', async () => {
        const element = await render();
        await expect(element).toBeAccessible();
    });
});
