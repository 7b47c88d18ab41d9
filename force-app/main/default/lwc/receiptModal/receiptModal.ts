import { api } from 'lwc';
import LightningModal from 'lightning/modal';
import { emailReceipt, getTransaction, newIdempotencyKey, type TransactionDetail } from 'c/billingApi';
import { describeFundingSource, formatCents, formatDate, formatNumber } from 'c/billingFormat';

/** The itemised receipt of one transaction (R8.3), with Print and Email. */
export default class ReceiptModal extends LightningModal {
    /** The billing account the transaction belongs to. */
    @api accountId = '';

    /** The TRX # to show. */
    @api transactionNumber = '';

    receipt: TransactionDetail | undefined;
    error: unknown;
    emailTo = '';
    emailError: unknown;
    emailSent = '';
    private emailKey = '';

    async connectedCallback(): Promise<void> {
        try {
            this.receipt = await getTransaction(this.accountId, this.transactionNumber);
            this.error = undefined;
        } catch (error) {
            this.error = error;
        }
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
        this.emailKey = '';
    }

    async handleEmail(): Promise<void> {
        // Same address, same action: a retry reuses the key.
        this.emailKey = this.emailKey || newIdempotencyKey();
        try {
            await emailReceipt(this.accountId, this.transactionNumber, this.emailTo, this.emailKey);
            this.emailSent = `Receipt sent to ${this.emailTo}.`;
            this.emailError = undefined;
        } catch (error) {
            this.emailSent = '';
            this.emailError = error;
        }
    }

    handlePrint(): void {
        window.print();
    }

    handleClose(): void {
        this.close('closed');
    }
}
