import { api } from 'lwc';
import BillingModal from 'c/billingModal';
import { emailReceipt, getTransaction, type TransactionDetail } from 'c/billingApi';
import { isEmailAddress } from 'c/billingRules';
import { clearFieldProblem, showFieldProblems } from 'c/fieldProblems';
import { settle } from 'c/billingErrors';
import { describeFundingSource, formatCents, formatDate, formatNumber } from 'c/billingFormat';

const PRINT_STYLE =
    'body{font:12pt sans-serif;margin:2cm}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ccc;padding:4px 8px;text-align:left}';

/**
 * The itemised receipt of one transaction (R8.3), with Print and Email. E-mailing is a change like
 * any other (c/billingModal); the dialog stays open after it, showing where the receipt went.
 */
export default class ReceiptModal extends BillingModal {
    /** The TRX # to show. */
    @api transactionNumber = '';

    /** Opened from a row's Print or Email: print once loaded, or go to the address field. */
    @api step: '' | 'print' | 'email' = '';

    receipt: TransactionDetail | undefined;
    private stepDone = false;
    error: unknown;
    emailTo = '';

    async connectedCallback(): Promise<void> {
        ({ data: this.receipt, error: this.error } = await settle(
            getTransaction(this.accountId, this.transactionNumber)
        ));
    }

    get heading(): string {
        return `Receipt ${this.transactionNumber}`;
    }

    get date(): string {
        return formatDate(this.receipt?.at);
    }

    get paidWith(): string {
        return describeFundingSource(this.receipt?.fundingSource ?? null);
    }

    get status(): string {
        if (!this.receipt) return '';
        if (this.receipt.status === 'succeeded') return 'Paid';
        if (this.receipt.status === 'pending') return 'Payment pending';
        return `Payment declined${this.receipt.declineMessage ? `: ${this.receipt.declineMessage}` : ''}`;
    }

    get total(): string {
        return formatCents(this.receipt?.totalCents ?? 0);
    }

    get lines() {
        return (this.receipt?.lines ?? []).map((line) => ({
            key: String(line.lineNumber),
            product: line.description,
            quantity: formatNumber(line.quantity),
            unitPrice: formatCents(line.unitPriceCents),
            proration: line.prorationDays
                ? `${line.prorationDays.days} of ${line.prorationDays.daysInMonth} days`
                : '',
            amount: formatCents(line.amountCents)
        }));
    }

    handleEmailChange(event: CustomEvent<{ value: string }>): void {
        this.emailTo = event.detail.value;
        clearFieldProblem(event.target);
    }

    handleEmail(): void {
        const to = this.emailTo.trim();
        const problems = isEmailAddress(to)
            ? []
            : [{ field: 'emailTo', message: 'Enter an e-mail address, such as ap@example.com.' }];
        if (!showFieldProblems(this.template, problems)) return;
        // Same address while it waits, same action: a retry reuses the key.
        this.startChange(
            `E-mail receipt ${this.transactionNumber} to ${to}`,
            (authorization, key) =>
                emailReceipt(this.accountId, this.transactionNumber, to, authorization, key),
            (authorization) =>
                `Receipt sent to ${to}: authorised by ${authorization.firstName} ${authorization.lastName}.`
        );
    }

    /** The dialog stays open: the footer shows where the receipt was sent. */
    accepted(): void {}

    renderedCallback(): void {
        if (!this.receipt || this.stepDone || !this.step) return;
        this.stepDone = true;
        if (this.step === 'print') this.handlePrint();
        else this.template?.querySelector<HTMLElement>('lightning-input.email-to')?.focus();
    }

    /**
     * Prints the receipt alone: its markup in a hidden frame of its own, printed there, so the
     * billing page behind the dialog is not printed with it (R8.3).
     */
    handlePrint(): void {
        const receipt = this.template?.querySelector('.printable');
        if (!receipt) return;
        const frame = document.createElement('iframe');
        frame.className = 'print-frame';
        frame.title = this.heading;
        frame.setAttribute('aria-hidden', 'true');
        frame.style.cssText = 'position:fixed;width:0;height:0;border:0;';
        frame.srcdoc = `<!doctype html><html><head><style>${PRINT_STYLE}</style></head><body></body></html>`;
        frame.addEventListener('load', () => {
            const printed = frame.contentDocument;
            const view = frame.contentWindow;
            if (!printed || !view) return;
            const heading = printed.createElement('h1');
            heading.textContent = this.heading;
            printed.body.append(heading, printed.importNode(receipt, true));
            view.addEventListener('afterprint', () => frame.remove());
            view.print();
        });
        document.body.appendChild(frame);
    }
}
