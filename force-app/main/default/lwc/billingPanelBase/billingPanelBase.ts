import { LightningElement, api, wire } from 'lwc';
import { MessageContext, publish, subscribe, unsubscribe, type Subscription } from 'lightning/messageService';
import BILLING_REFRESH from '@salesforce/messageChannel/BillingRefresh__c';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import type { Authorization, Terms } from 'c/billingApi';
import {
    acceptChange,
    cancelChange,
    changeState,
    clearChange,
    startChange,
    type ChangeState,
    type DialogResult,
    type PendingChange
} from 'c/changeState';

/** A LightningModal subclass as the panels open it. */
interface Dialog {
    open(options: Record<string, unknown>): Promise<unknown>;
}

interface RefreshMessage {
    accountId?: string;
}

/**
 * The base class of the four billing panels (no template of its own): the account they show, the
 * terms, the change waiting for the authorization footer (c/changeState), and the refresh message
 * after a change. Each panel implements `load()`.
 */
export default class BillingPanelBase extends LightningElement {
    /** The terms the authorization footer shows and records (`{ version, text }`). */
    @api terms: Terms | undefined;

    @wire(MessageContext) messageContext: unknown;

    pending: PendingChange | null = null;
    sending = false;
    /** "What was authorised" after the last accepted change. */
    authorised = '';
    changeError: unknown;

    private currentAccountId = '';
    private subscription: Subscription | null = null;
    /** True while the panel reloads after its own change: its own refresh message is not a second reason. */
    private reloadingAfterChange = false;

    /** The billing account the panel shows; changing it reloads the panel. */
    @api
    get accountId(): string {
        return this.currentAccountId;
    }
    set accountId(value: string) {
        this.currentAccountId = value;
        if (this.isConnected) this.load();
    }

    connectedCallback(): void {
        this.subscription = subscribe(this.messageContext, BILLING_REFRESH, (message) =>
            this.handleRefreshMessage(message as RefreshMessage)
        );
        this.load();
    }

    disconnectedCallback(): void {
        if (this.subscription) unsubscribe(this.subscription);
        this.subscription = null;
    }

    /** Loads what the panel shows; overridden by each panel. */
    load(): Promise<void> {
        return Promise.resolve();
    }

    get change(): ChangeState {
        return changeState(this, this.terms);
    }

    /** Shows the authorization footer for a change; nothing is sent yet. */
    startChange(summary: string, send: PendingChange['send']): void {
        startChange(this, summary, send);
    }

    async handleAccept(event: CustomEvent<Authorization>): Promise<void> {
        const change = await acceptChange(this, event.detail);
        if (change) await this.changed(change.summary);
    }

    /**
     * Opens a billing dialog for this panel's account and terms. When it closes with an accepted
     * change, the panel shows what was authorised and refreshes like after its own changes.
     */
    async openDialog(dialog: Dialog, options: Record<string, unknown>): Promise<void> {
        clearChange(this);
        const result = (await dialog.open({ accountId: this.accountId, terms: this.terms, ...options })) as
            DialogResult | undefined;
        if (!result?.authorised) return;
        this.authorised = result.authorised;
        await this.changed(result.summary ?? '');
    }

    private async changed(summary: string): Promise<void> {
        this.dispatchEvent(
            new ShowToastEvent({ title: 'Change accepted', message: summary, variant: 'success' })
        );
        this.reloadingAfterChange = true;
        try {
            publish(this.messageContext, BILLING_REFRESH, { accountId: this.accountId });
            await this.load();
        } finally {
            this.reloadingAfterChange = false;
        }
    }

    handleCancelChange(): void {
        cancelChange(this);
    }

    private handleRefreshMessage(message: RefreshMessage | undefined): void {
        if (this.reloadingAfterChange || this.pending) return;
        if (!message?.accountId || message.accountId === this.accountId) this.load();
    }
}
