import { api } from 'lwc';
import BillingModal from 'c/billingModal';
import { emailReceipt, getTransaction, type TransactionDetail } from 'c/billingApi';
import { isEmailAddress } from 'c/billingRules';
import { clearFieldProblem, showFieldProblems } from 'c/fieldProblems';
import { settle } from 'c/billingErrors';
import { describeFundingSource, formatCents, formatDate, formatNumber } from 'c/billingFormat';

/**
 * The itemised receipt of one transaction (R8.3), with Print and Email. E-mailing is a change like
 * any other (c/billingModal); the dialog stays open after it, showing where the receipt went.
 */
export default class ReceiptModal extends BillingModal {
    /** The TRX # to show. */
    @api transactionNumber = '';

    receipt: TransactionDetail | undefined;
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

    handlePrint(): void {
        window.print();
    }
}
