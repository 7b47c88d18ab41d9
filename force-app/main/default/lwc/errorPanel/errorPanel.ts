import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/billingErrors';
import { landOn } from 'c/fieldProblems';

const DEFAULT_MESSAGE = 'The billing service could not complete this.';

/**
 * The one way the panels and dialogs show an error or a refusal. A refusal is brought into view and
 * focused when it appears or says something new, so keyboard and screen-reader users land on it
 * even below the visible part of a dialog or a card; `quiet` panels (a panel's data failing to load
 * while the page opens) stay where they are.
 */
export default class ErrorPanel extends LightningElement {
    /** Any error or list of errors: service `{code,message}`, Apex or fetch errors, JS errors. */
    @api errors: unknown;

    /** The sentence shown above the details. */
    @api friendlyMessage = DEFAULT_MESSAGE;

    /** Shown where it is, neither scrolled to nor focused (a load failure when the page opens). */
    @api quiet = false;

    /** What was last brought into view: the same words again (a re-render) do not pull the focus. */
    private landedOn: string | undefined;

    get messages(): string[] {
        return reduceErrors(this.errors);
    }

    get hasMessages(): boolean {
        return this.messages.length > 0;
    }

    renderedCallback(): void {
        if (this.quiet) return;
        const words = [this.friendlyMessage, ...this.messages].join('\n');
        if (words === this.landedOn) return;
        this.landedOn = words;
        const alert = this.template?.querySelector<HTMLElement>('.error');
        landOn(alert);
    }
}
