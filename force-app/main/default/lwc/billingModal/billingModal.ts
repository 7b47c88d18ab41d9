import { api } from 'lwc';
import LightningModal from 'lightning/modal';
import type { Authorization, Terms } from 'c/billingApi';
import {
    acceptChange,
    cancelChange,
    changeState,
    startChange,
    type ChangeState,
    type DialogResult,
    type PendingChange
} from 'c/changeState';

/**
 * The base class of the billing dialogs (no template of its own): the account, the terms, and one
 * change that passes through the authorization footer (R9, state in c/changeState). The change is
 * sent only after Accept; a refusal stays inline in the dialog, and an accepted change closes it
 * with what was authorised (the panel then refreshes) unless `accepted` is overridden.
 */
export default class BillingModal extends LightningModal {
    /** The billing account the dialog changes. */
    @api accountId = '';

    /** The terms the authorization footer shows and records (`{ version, text }`). */
    @api terms: Terms | undefined;

    pending: PendingChange | null = null;
    sending = false;
    changeError: unknown;
    /** What the last accepted change authorised (shown by dialogs that stay open). */
    authorised = '';

    get change(): ChangeState {
        return changeState(this, this.terms);
    }

    /** Shows the authorization footer for a change; nothing is sent yet. */
    startChange(
        summary: string,
        send: PendingChange['send'],
        describeAccepted?: PendingChange['describeAccepted']
    ): void {
        startChange(this, summary, send, describeAccepted);
    }

    async handleAccept(event: CustomEvent<Authorization>): Promise<void> {
        const change = await acceptChange(this, event.detail);
        if (change) this.accepted(change);
    }

    /** After the service accepted `change`: by default the dialog closes with what was authorised. */
    accepted(change: PendingChange): void {
        const result: DialogResult = { summary: change.summary, authorised: this.authorised };
        this.close(result);
    }

    handleCancelChange(): void {
        cancelChange(this);
    }

    handleClose(): void {
        this.close({});
    }
}
