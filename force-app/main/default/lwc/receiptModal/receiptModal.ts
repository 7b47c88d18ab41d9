import { api } from 'lwc';
import LightningModal from 'lightning/modal';
import {
    emailReceipt,
    getTransaction,
    newIdempotencyKey,
    type Authorization,
    type Terms,
    type TransactionDetail
} from 'c/billingApi';
import { changeState, type ChangeState } from 'c/billingPanel';
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
    /** The address waiting for Accept, with its idempotency key (kept for a retry). */
    pendingEmail: { to: string; key: string } | null = null;
    sending = false;
    emailError: unknown;
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
        const summary = this.pendingEmail
            ? `E-mail receipt ${this.transactionNumber} to ${this.pendingEmail.to}`
            : '';
        return changeState(summary, this.terms, this.sending, this.emailError, this.emailSent);
    }

    handleEmailChange(event: CustomEvent<{ value: string }>): void {
        this.emailTo = event.detail.value;
    }

    handleEmail(): void {
        const to = this.emailTo.trim();
        if (!to) return;
        // Same address, same action: a retry reuses the key.
        if (this.pendingEmail?.to !== to) this.pendingEmail = { to, key: newIdempotencyKey() };
        this.emailError = undefined;
        this.emailSent = '';
    }

    async handleAccept(event: CustomEvent<Authorization>): Promise<void> {
        const pending = this.pendingEmail;
        if (!pending) return;
        this.sending = true;
        try {
            await emailReceipt(this.accountId, this.transactionNumber, pending.to, event.detail, pending.key);
            this.emailSent = `Receipt sent to ${pending.to}: authorised by ${event.detail.firstName} ${event.detail.lastName}.`;
            this.pendingEmail = null;
            this.emailError = undefined;
        } catch (error) {
            this.emailError = error;
        } finally {
            this.sending = false;
        }
    }

    handleCancelEmail(): void {
        this.pendingEmail = null;
        this.emailError = undefined;
    }

    handlePrint(): void {
        window.print();
    }

    handleClose(): void {
        this.close('closed');
    }
}
