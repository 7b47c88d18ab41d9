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
 * terms, the change waiting for the authorization footer (c/changeState), the refresh message
 * after a change, and the loading state. Each panel implements `load()`; its template shows a
 * `lightning-spinner` while `loading` and its figures, lists and empty states only when `ready`,
 * so that nothing false ("$0.00", "none", an empty list) shows before the service answered.
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
    /** True while the panel's data is on its way: the panel shows a lightning-spinner. */
    loading = false;
    /**
     * True once what the panel holds answers what it shows now (this account, this range): until
     * then it shows no figures, no lists and no "nothing here" (they would be false facts).
     */
    ready = false;

    private currentAccountId = '';
    /** Counts the loads started, so that only the last one to start ends the loading state. */
    private loadsStarted = 0;
    private subscription: Subscription | null = null;
    /** True while the panel reloads after its own change: its own refresh message is not a second reason. */
    private reloadingAfterChange = false;

    /** The billing account the panel shows; changing it reloads the panel. */
    @api
    get accountId(): string {
        return this.currentAccountId;
    }
    set accountId(value: string) {
        const changed = value !== this.currentAccountId;
        this.currentAccountId = value;
        if (this.isConnected) this.reload({ fresh: changed });
    }

    connectedCallback(): void {
        this.subscription = subscribe(this.messageContext, BILLING_REFRESH, (message) =>
            this.handleRefreshMessage(message as RefreshMessage)
        );
        this.reload({ fresh: true });
    }

    disconnectedCallback(): void {
        if (this.subscription) unsubscribe(this.subscription);
        this.subscription = null;
    }

    /** Loads what the panel shows; overridden by each panel (called through `reload`). */
    load(): Promise<void> {
        return Promise.resolve();
    }

    /**
     * Called at the start of `load()`: tells, once the answers are in, whether this load is still the
     * last one started. An answer for an account or a range the admin has since left is dropped, even
     * when it arrives after the answer to the newer question.
     */
    protected currentLoad(): () => boolean {
        const load = this.loadsStarted;
        return () => load === this.loadsStarted;
    }

    /**
     * Loads again with the spinner shown. `fresh` when the question changes (another account, another
     * range): what the panel held stops being shown until the new answer. A refresh of the same
     * question keeps the figures shown until they are replaced.
     */
    async reload({ fresh = false }: { fresh?: boolean } = {}): Promise<void> {
        this.loadsStarted++;
        const current = this.currentLoad();
        if (fresh || !this.accountId) this.ready = false;
        // No account chosen: nothing to ask, and nothing to show either.
        if (!this.accountId) {
            this.loading = false;
            return;
        }
        this.loading = true;
        try {
            await this.load();
        } finally {
            if (current()) {
                this.loading = false;
                this.ready = true;
            }
        }
    }

    /** Until the first answer for what the panel shows, its actions that need that answer wait. */
    get notReady(): boolean {
        return !this.ready;
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
            await this.reload();
        } finally {
            this.reloadingAfterChange = false;
        }
    }

    handleCancelChange(): void {
        cancelChange(this);
    }

    private handleRefreshMessage(message: RefreshMessage | undefined): void {
        if (this.reloadingAfterChange || this.pending) return;
        if (!message?.accountId || message.accountId === this.accountId) this.reload();
    }
}
