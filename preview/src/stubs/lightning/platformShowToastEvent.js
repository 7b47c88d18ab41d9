// Preview stand-in: the same event Lightning listens for; the preview page shows it as an SLDS toast.
export class ShowToastEvent extends CustomEvent {
    constructor(toast) {
        super('lightning__showtoast', { composed: true, cancelable: true, bubbles: true, detail: toast });
    }
}
