import { api } from 'lwc';
import BillingModal from 'c/billingModal';
import * as billingApi from 'c/billingApi';
import type { ChangeState } from 'c/changeState';
import {
    ACCOUNT_ID,
    AUTHORIZATION,
    cleanUpAfterEach,
    closedWith,
    mountPanel,
    serviceError
} from '../../../../../test/utils/panel';
import TERMS from '../../../../../test/data/terms.json';

jest.mock('c/billingApi');

const mocked = billingApi as jest.Mocked<typeof billingApi>;
const send = jest.fn();

/** A dialog as the billing dialogs are: a BillingModal with one change to authorise. */
class ProbeModal extends BillingModal {
    @api begin(summary: string): void {
        this.startChange(summary, send);
    }
    @api accept(): Promise<void> {
        return this.handleAccept(new CustomEvent('accept', { detail: AUTHORIZATION }));
    }
    @api cancel(): void {
        this.handleCancelChange();
    }
    @api dismiss(): void {
        this.handleClose();
    }
    @api get state(): ChangeState {
        return this.change;
    }
}

type Probe = HTMLElement & {
    accountId: string;
    begin(summary: string): void;
    accept(): Promise<void>;
    cancel(): void;
    dismiss(): void;
    state: ChangeState;
};

async function render(): Promise<Probe> {
    return (await mountPanel('c-probe-modal', ProbeModal)) as Probe;
}

describe('c/billingModal: what every billing dialog does with its change', () => {
    beforeEach(() => mocked.newIdempotencyKey.mockReturnValueOnce('key-1'));
    cleanUpAfterEach({ resetAnswers: true });

    it('takes the account and the terms the panel opens it with', async () => {
        const element = await render();
        expect(element.accountId).toBe(ACCOUNT_ID);
        element.begin('Cancel the account');
        expect(element.state).toMatchObject({ summary: 'Cancel the account', termsVersion: TERMS.version });
    });

    it('R9.2 closes with what was authorised once the service accepts the change', async () => {
        send.mockResolvedValue({});
        const element = await render();
        const closed = closedWith(element);
        element.begin('Cancel the account');
        await element.accept();
        expect(send).toHaveBeenCalledWith(AUTHORIZATION, 'key-1');
        expect(closed).toEqual([
            {
                summary: 'Cancel the account',
                authorised: `Cancel the account: authorised by Ada Admin, terms version ${TERMS.version}.`
            }
        ]);
    });

    it('stays open with the refusal inline, and closes with nothing when dismissed', async () => {
        const refusal = serviceError('payment_declined', 'The card was declined.');
        send.mockRejectedValue(refusal);
        const element = await render();
        const closed = closedWith(element);
        element.begin('Buy services');
        await element.accept();
        expect(closed).toEqual([]);
        expect(element.state).toMatchObject({ summary: 'Buy services', error: refusal, busy: false });
        element.cancel();
        expect(element.state).toMatchObject({ summary: '', error: undefined });
        element.dismiss();
        expect(closed).toEqual([{}]);
    });
});
