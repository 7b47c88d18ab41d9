import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/billingErrors';

const DEFAULT_MESSAGE = 'The billing service could not complete this.';

export default class ErrorPanel extends LightningElement {
    /** Any error or list of errors: service `{code,message}`, Apex or fetch errors, JS errors. */
    @api errors: unknown;

    /** The sentence shown above the details. */
    @api friendlyMessage = DEFAULT_MESSAGE;

    get messages(): string[] {
        return reduceErrors(this.errors);
    }

    get hasMessages(): boolean {
        return this.messages.length > 0;
    }
}
