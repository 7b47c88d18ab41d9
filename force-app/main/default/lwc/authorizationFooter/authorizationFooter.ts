import { LightningElement, api } from 'lwc';
import type { Authorization } from 'c/billingApi';
import { NO_CHANGE, type ChangeState } from 'c/changeState';
import { landOn } from 'c/fieldProblems';

/**
 * The one footer every change passes through (R9): first name, last name, the terms, Accept.
 * It sends nothing itself: it fires `accept` with the authorization and the panel sends the
 * change. It also shows why a change was refused, and what the last accepted one authorised.
 */
export default class AuthorizationFooter extends LightningElement {
    firstName = '';
    lastName = '';
    termsAccepted = false;
    private state: ChangeState = NO_CHANGE;
    /** What to bring into view and focus after the next render: a new change, or a new refusal. */
    private landingTarget: '' | '.authorize' | '.refusal' = '';

    /** The panel's change: summary, terms, busy flag, refusal and what was authorised. */
    @api
    get change(): ChangeState {
        return this.state;
    }
    set change(value: ChangeState | undefined) {
        const next = value ?? NO_CHANGE;
        // Each new change is accepted on its own; the typed name stays for the next one.
        if (next.summary !== this.state.summary) this.termsAccepted = false;
        if (next.summary && next.summary !== this.state.summary) this.landingTarget = '.authorize';
        if (next.error && next.error !== this.state.error) this.landingTarget = '.refusal';
        this.state = next;
    }

    /**
     * Keyboard and screen-reader users land on the authorization when it opens and on a refusal when
     * it comes, even when they appear below the visible part of a dialog or a card.
     */
    renderedCallback(): void {
        if (!this.landingTarget) return;
        const target = this.template?.querySelector<HTMLElement>(this.landingTarget);
        this.landingTarget = '';
        landOn(target);
    }

    get pending(): boolean {
        return this.state.summary.length > 0;
    }

    get acceptDisabled(): boolean {
        return this.state.busy || !this.termsAccepted || !this.firstName.trim() || !this.lastName.trim();
    }

    handleFirstNameChange(event: CustomEvent<{ value: string }>): void {
        this.firstName = event.detail.value;
    }

    handleLastNameChange(event: CustomEvent<{ value: string }>): void {
        this.lastName = event.detail.value;
    }

    handleTermsChange(event: CustomEvent<{ checked: boolean }>): void {
        this.termsAccepted = event.detail.checked;
    }

    handleAccept(): void {
        if (this.acceptDisabled) return;
        const authorization: Authorization = {
            firstName: this.firstName.trim(),
            lastName: this.lastName.trim(),
            termsVersion: this.state.termsVersion,
            accepted: true
        };
        this.dispatchEvent(new CustomEvent('accept', { detail: authorization }));
    }

    handleCancel(): void {
        this.dispatchEvent(new CustomEvent('cancel'));
    }
}
