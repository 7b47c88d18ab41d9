import { api } from 'lwc';
import { publish, subscribe, unsubscribe } from 'lightning/messageService';
import BILLING_REFRESH from '@salesforce/messageChannel/BillingRefresh__c';
import BillingPanelBase from 'c/billingPanelBase';
import * as billingApi from 'c/billingApi';
import type { ChangeState } from 'c/changeState';
import { flushPromises } from '../../../../../test/utils/flushPromises';
import { resetDom } from '../../../../../test/utils/dom';
import { ACCOUNT_ID, AUTHORIZATION, mountPanel, serviceError } from '../../../../../test/utils/panel';
import TERMS from '../../../../../test/data/terms.json';

jest.mock('c/billingApi');

const mocked = billingApi as jest.Mocked<typeof billingApi>;
const loads = jest.fn(() => Promise.resolve());
const send = jest.fn();

/** A panel as the four billing panels are: a BillingPanelBase with a `load` and one change. */
class ProbePanel extends BillingPanelBase {
    load(): Promise<void> {
        return loads();
    }
    @api begin(summary: string): void {
        this.startChange(summary, send);
    }
    @api accept(): Promise<void> {
        return this.handleAccept(new CustomEvent('accept', { detail: AUTHORIZATION }));
    }
    @api open(dialog: { open(options: Record<string, unknown>): Promise<unknown> }): Promise<void> {
        return this.openDialog(dialog, { size: 'small' });
    }
    @api get state(): ChangeState {
        return this.change;
    }
    @api get shows(): { loading: boolean; ready: boolean } {
        return { loading: this.loading, ready: this.ready };
    }
}

type Probe = HTMLElement & {
    accountId: string;
    begin(summary: string): void;
    accept(): Promise<void>;
    open(dialog: { open(options: Record<string, unknown>): Promise<unknown> }): Promise<void>;
    state: ChangeState;
    shows: { loading: boolean; ready: boolean };
};

async function render(): Promise<Probe> {
    return (await mountPanel('c-probe-panel', ProbePanel)) as Probe;
}

function refreshListener(): (message: unknown) => void {
    return (subscribe as jest.Mock).mock.calls[0][2] as (message: unknown) => void;
}

describe('c/billingPanelBase: what every billing panel does around its change', () => {
    beforeEach(() => mocked.newIdempotencyKey.mockReturnValueOnce('key-1'));
    afterEach(() => {
        resetDom();
        jest.resetAllMocks();
        loads.mockImplementation(() => Promise.resolve());
    });

    it('loads when shown and again for another account; stops listening when removed', async () => {
        const subscription = { id: 1 };
        (subscribe as jest.Mock).mockReturnValue(subscription);
        const element = await render();
        expect(loads).toHaveBeenCalledTimes(1);
        expect(subscribe).toHaveBeenCalledWith(undefined, BILLING_REFRESH, expect.any(Function));
        element.accountId = 'acc-2';
        expect(loads).toHaveBeenCalledTimes(2);
        resetDom();
        expect(unsubscribe).toHaveBeenCalledWith(subscription);
    });

    it('loading while an answer is on its way; ready once answered, and not for another account meanwhile', async () => {
        let answer: () => void = () => undefined;
        loads.mockImplementation(() => new Promise<void>((resolve) => (answer = resolve)));
        const element = await render();
        expect(element.shows).toEqual({ loading: true, ready: false });
        answer();
        await flushPromises();
        expect(element.shows).toEqual({ loading: false, ready: true });
        // A refresh of the same account keeps what is shown until it is replaced.
        refreshListener()({ accountId: ACCOUNT_ID });
        expect(element.shows).toEqual({ loading: true, ready: true });
        answer();
        await flushPromises();
        // Another account: nothing of the first one is shown until its own answer.
        element.accountId = 'acc-2';
        expect(element.shows).toEqual({ loading: true, ready: false });
        const second = answer;
        element.accountId = 'acc-3';
        const third = answer;
        second();
        await flushPromises();
        // The earlier load ending does not end the later one's loading.
        expect(element.shows).toEqual({ loading: true, ready: false });
        third();
        await flushPromises();
        expect(element.shows).toEqual({ loading: false, ready: true });
        element.accountId = '';
        expect(element.shows).toEqual({ loading: false, ready: false });
    });

    it('R9.2 after an accepted change: says what was authorised, toasts, tells the other panels, reloads once', async () => {
        send.mockResolvedValue({});
        const element = await render();
        const toasts: string[] = [];
        element.addEventListener('lightning__showtoast', (event) =>
            toasts.push((event as CustomEvent<{ message: string }>).detail.message)
        );
        element.begin('Buy $150.00 of dialer minutes');
        loads.mockImplementation(() => {
            refreshListener()({ accountId: ACCOUNT_ID });
            return Promise.resolve();
        });
        await element.accept();
        expect(send).toHaveBeenCalledWith(AUTHORIZATION, 'key-1');
        expect(element.state.authorised).toBe(
            `Buy $150.00 of dialer minutes: authorised by Ada Admin, terms version ${TERMS.version}.`
        );
        expect(toasts).toEqual(['Buy $150.00 of dialer minutes']);
        expect(publish).toHaveBeenCalledWith(undefined, BILLING_REFRESH, { accountId: ACCOUNT_ID });
        expect(loads).toHaveBeenCalledTimes(2);
    });

    it('keeps a refused change and does not reload under it when another panel changes something', async () => {
        send.mockRejectedValue(serviceError('payment_declined', 'The card was declined.'));
        const element = await render();
        element.begin('Buy minutes');
        await element.accept();
        expect(element.state.summary).toBe('Buy minutes');
        refreshListener()({ accountId: ACCOUNT_ID });
        expect(loads).toHaveBeenCalledTimes(1);
        expect(publish).not.toHaveBeenCalled();
    });

    it('reloads on a refresh message of its own account only', async () => {
        await render();
        refreshListener()({ accountId: 'another' });
        refreshListener()({ accountId: ACCOUNT_ID });
        expect(loads).toHaveBeenCalledTimes(2);
    });

    it('opens a dialog with its account and terms, and shows what the dialog had authorised', async () => {
        const element = await render();
        const dialog = {
            open: jest
                .fn()
                .mockResolvedValue({ summary: 'Cancel the account', authorised: 'Cancelled: by Ada.' })
        };
        await element.open(dialog);
        await flushPromises();
        expect(dialog.open).toHaveBeenCalledWith({ accountId: ACCOUNT_ID, terms: TERMS, size: 'small' });
        expect(element.state.authorised).toBe('Cancelled: by Ada.');
        expect(loads).toHaveBeenCalledTimes(2);
        dialog.open.mockResolvedValue({});
        await element.open(dialog);
        expect(element.state.authorised).toBe('');
        expect(loads).toHaveBeenCalledTimes(2);
    });
});
