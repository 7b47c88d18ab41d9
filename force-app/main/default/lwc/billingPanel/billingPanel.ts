import { LightningElement, api, wire } from 'lwc';
import { MessageContext, publish, subscribe, unsubscribe, type Subscription } from 'lightning/messageService';
import BILLING_REFRESH from '@salesforce/messageChannel/BillingRefresh__c';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { newIdempotencyKey, type Authorization, type Terms } from 'c/billingApi';

/** A change waiting for the authorization footer: sent only after Accept (R9). */
export interface PendingChange {
    summary: string;
    /** One key per user action, reused if the admin retries the same action. */
    idempotencyKey: string;
    send: (authorization: Authorization, idempotencyKey: string) => Promise<unknown>;
}

/** Everything the shared authorization footer shows for one panel. */
export interface ChangeState {
    /** The change waiting for Accept, in words; empty when nothing is pending. */
    summary: string;
    termsText: string;
    termsVersion: string;
    /** True while the change is being sent. */
    busy: boolean;
    /** Why the last attempt was refused, if it was. */
    error: unknown;
    /** What was authorised by the last accepted change. */
    authorised: string;
}

/** The pending change for `summary`, with a fresh idempotency key for this user action. */
export function startedChange(summary: string, send: PendingChange['send']): PendingChange {
    return { summary, idempotencyKey: newIdempotencyKey(), send };
}

/** What the authorization footer shows for the change described by `summary` under `terms`. */
export function changeState(
    summary: string,
    terms: Terms | undefined,
    busy: boolean,
    error: unknown,
    authorised: string
): ChangeState {
    return {
        summary,
        termsText: terms?.text ?? '',
        termsVersion: terms?.version ?? '',
        busy,
        error,
        authorised
    };
}

/** The "what was authorised" line for an accepted change (R9.2). */
export function authorisedLine(summary: string, authorization: Authorization): string {
    return `${summary}: authorised by ${authorization.firstName} ${authorization.lastName}, terms version ${authorization.termsVersion}.`;
}

/** A panel or a dialog holding one change that waits for the authorization footer. */
interface ChangeHolder {
    pending: PendingChange | null;
    sending: boolean;
    changeError: unknown;
}

/**
 * Sends `holder`'s pending change with the footer's authorization. Returns the change when the
 * service accepted it; when refused, the refusal stays on `holder` with the change and its key, so
 * Accept again retries this same action.
 */
export async function sendPendingChange(
    holder: ChangeHolder,
    authorization: Authorization
): Promise<PendingChange | null> {
    const change = holder.pending;
    if (!change) return null;
    holder.sending = true;
    holder.changeError = undefined;
    try {
        await change.send(authorization, change.idempotencyKey);
        holder.pending = null;
        return change;
    } catch (error) {
        holder.changeError = error;
        return null;
    } finally {
        holder.sending = false;
    }
}

/** What a billing dialog (c/billingModal) closes with. */
export interface DialogResult {
    /** The accepted change, in words. */
    summary?: string;
    authorised?: string;
}

/** A LightningModal subclass as the panels open it. */
interface Dialog {
    open(options: Record<string, unknown>): Promise<unknown>;
}

interface RefreshMessage {
    accountId?: string;
}

/**
 * What the four panels share: the account they show, the terms, the pending change and its
 * authorization, and the refresh message after a change. Each panel implements `load()`.
 */
export default class BillingPanel extends LightningElement {
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
        return changeState(
            this.pending?.summary ?? '',
            this.terms,
            this.sending,
            this.changeError,
            this.authorised
        );
    }

    /** Shows the authorization footer for a change; nothing is sent yet. */
    startChange(summary: string, send: PendingChange['send']): void {
        this.pending = startedChange(summary, send);
        this.changeError = undefined;
        this.authorised = '';
    }

    async handleAccept(event: CustomEvent<Authorization>): Promise<void> {
        const change = await sendPendingChange(this, event.detail);
        if (change) await this.changed(change.summary, authorisedLine(change.summary, event.detail));
    }

    /**
     * Opens a billing dialog for this panel's account and terms. When it closes with an accepted
     * change, the panel shows what was authorised and refreshes like after its own changes.
     */
    async openDialog(dialog: Dialog, options: Record<string, unknown>): Promise<void> {
        this.pending = null;
        this.changeError = undefined;
        this.authorised = '';
        const result = (await dialog.open({ accountId: this.accountId, terms: this.terms, ...options })) as
            DialogResult | undefined;
        if (result?.authorised) await this.changed(result.summary ?? '', result.authorised);
    }

    private async changed(summary: string, authorised: string): Promise<void> {
        this.authorised = authorised;
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
        this.pending = null;
        this.changeError = undefined;
    }

    private handleRefreshMessage(message: RefreshMessage | undefined): void {
        if (this.reloadingAfterChange || this.pending) return;
        if (!message?.accountId || message.accountId === this.accountId) this.load();
    }
}
