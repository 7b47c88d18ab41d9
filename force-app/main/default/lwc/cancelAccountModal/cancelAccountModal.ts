import BillingModal from 'c/billingModal';
import { cancelAccount, newIdempotencyKey, previewCancellation, type Cancellation } from 'c/billingApi';
import { settle } from 'c/billingErrors';
import { formatCents, formatDate } from 'c/billingFormat';

/** Cancel Account (R1.3, R4.3): the effective date and what remains owed, then cancel after Accept. */
export default class CancelAccountModal extends BillingModal {
    cancellation: Cancellation | undefined;
    cancellationError: unknown;

    async connectedCallback(): Promise<void> {
        ({ data: this.cancellation, error: this.cancellationError } = await settle(
            previewCancellation(this.accountId, newIdempotencyKey())
        ));
        if (!this.cancellation) return;
        this.startChange(
            `Cancel the account, effective ${this.cancellationDate}, with ${this.cancellationOwed} still owed under the contract`,
            (authorization, key) => cancelAccount(this.accountId, authorization, key)
        );
    }

    get cancellationDate(): string {
        return formatDate(this.cancellation?.plan.effectiveDate);
    }

    get cancellationOwed(): string {
        return formatCents(this.cancellation?.plan.remainingOwed ?? 0);
    }

    /** Nothing else to do here: the footer's Cancel keeps the account and closes the dialog. */
    handleCancelChange(): void {
        super.handleCancelChange();
        this.close({});
    }
}
