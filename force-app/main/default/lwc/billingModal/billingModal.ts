import { api } from 'lwc';
import LightningModal from 'lightning/modal';
import type { Authorization, Terms } from 'c/billingApi';
import {
    authorisedLine,
    changeState,
    sendPendingChange,
    startedChange,
    type ChangeState,
    type DialogResult,
    type PendingChange
} from 'c/billingPanel';

/**
 * What the billing dialogs share: the account, the terms, and one change that passes through the
 * authorization footer (R9). The change is sent only after Accept; a refusal stays inline in the
 * dialog, and an accepted change closes it with what was authorised (the panel then refreshes).
 */
export default class BillingModal extends LightningModal {
    /** The billing account the dialog changes. */
    @api accountId = '';

    /** The terms the authorization footer shows and records (`{ version, text }`). */
    @api terms: Terms | undefined;

    pending: PendingChange | null = null;
    sending = false;
    changeError: unknown;

    get change(): ChangeState {
        return changeState(this.pending?.summary ?? '', this.terms, this.sending, this.changeError, '');
    }

    /** Shows the authorization footer for a change; nothing is sent yet. */
    startChange(summary: string, send: PendingChange['send']): void {
        this.pending = startedChange(summary, send);
        this.changeError = undefined;
    }

    async handleAccept(event: CustomEvent<Authorization>): Promise<void> {
        const change = await sendPendingChange(this, event.detail);
        if (!change) return;
        const result: DialogResult = {
            summary: change.summary,
            authorised: authorisedLine(change.summary, event.detail)
        };
        this.close(result);
    }

    handleCancelChange(): void {
        this.pending = null;
        this.changeError = undefined;
    }

    handleClose(): void {
        this.close({});
    }
}
