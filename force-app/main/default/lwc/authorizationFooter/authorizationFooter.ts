import { LightningElement, api } from 'lwc';
import type { Authorization } from 'c/billingApi';

/**
 * The one footer every change passes through (R9): first name, last name, the terms, Accept.
 * It sends nothing itself: it fires `accept` with the authorization, and the panel sends the change.
 */
export default class AuthorizationFooter extends LightningElement {
    /** What the admin is about to authorise, in words ("Buy 5 CRM licenses"). */
    @api summary = '';

    /** The terms text the admin accepts. */
    @api termsText = '';

    /** The version of those terms, recorded with the change. */
    @api termsVersion = '';

    /** True while the panel is sending the change: Accept is disabled. */
    @api busy = false;

    firstName = '';
    lastName = '';
    termsAccepted = false;

    get acceptDisabled(): boolean {
        return this.busy || !this.termsAccepted || !this.firstName.trim() || !this.lastName.trim();
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
            termsVersion: this.termsVersion,
            accepted: true
        };
        this.dispatchEvent(new CustomEvent('accept', { detail: authorization }));
    }

    handleCancel(): void {
        this.dispatchEvent(new CustomEvent('cancel'));
    }
}
