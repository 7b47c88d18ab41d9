import { api } from 'lwc';
import LightningModal from 'lightning/modal';
import {
    emailReceipt,
    getTransaction,
    type Authorization,
    type Terms,
    type TransactionDetail
} from 'c/billingApi';
import {
    changeState,
    sendPendingChange,
    startedChange,
    type ChangeState,
    type PendingChange
} from 'c/billingPanel';
import { settle } from 'c/billingErrors';
import { describeFundingSource, formatCents, formatDate, formatNumber } from 'c/billingFormat';

/** The itemised receipt of one transaction (R8.3), with Print and Email. */
export default class ReceiptModal extends LightningModal {
    /** The billing account the transaction belongs to. */
    @api accountId = '';

    /** The TRX # to show. */
    @api transactionNumber = '';

    /** The terms the authorization footer shows for e-mailing the receipt. */
    @api terms: Terms | undefined;

    receipt: TransactionDetail | undefined;
    error: unknown;
    emailTo = '';
    /** The e-mail waiting for Accept, with its idempotency key (kept for a retry). */
    pending: PendingChange | null = null;
    sending = false;
    changeError: unknown;
    emailSent = '';

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

    get change(): ChangeState {
        return changeState(
            this.pending?.summary ?? '',
            this.terms,
            this.sending,
            this.changeError,
            this.emailSent
        );
    }

    handleEmailChange(event: CustomEvent<{ value: string }>): void {
        this.emailTo = event.detail.value;
    }

    handleEmail(): void {
        const to = this.emailTo.trim();
        if (!to) return;
        const summary = `E-mail receipt ${this.transactionNumber} to ${to}`;
        // Same address, same action: a retry reuses the key.
        if (this.pending?.summary !== summary) {
            this.pending = startedChange(summary, async (authorization, key) => {
                await emailReceipt(this.accountId, this.transactionNumber, to, authorization, key);
                this.emailSent = `Receipt sent to ${to}: authorised by ${authorization.firstName} ${authorization.lastName}.`;
            });
        }
        this.changeError = undefined;
        this.emailSent = '';
    }

    async handleAccept(event: CustomEvent<Authorization>): Promise<void> {
        await sendPendingChange(this, event.detail);
    }

    handleCancelEmail(): void {
        this.pending = null;
        this.changeError = undefined;
    }

    handlePrint(): void {
        window.print();
    }

    handleClose(): void {
        this.close('closed');
    }
}
