import type { Cents } from '../../../core/money/cents';
import type { BankAccountInput, CardInput } from '../../../core/funding/fundingInputRules';

/** What the processor gives back for a card or bank account: never the full number. */
export interface TokenizedSource {
    token: string;
    kind: 'card' | 'bank_account';
    /** Card brand (visa, mastercard, amex, discover) or the bank's name. */
    brand: string;
    last4: string;
    /** Cards only: month 1-12 and four-digit year. */
    expMonth?: number;
    expYear?: number;
}

export type CardDetails = { kind: 'card' } & CardInput;

export type BankAccountDetails = {
    kind: 'bank_account';
    accountType: 'checking' | 'savings';
} & BankAccountInput;

export type ChargeResult =
    | { status: 'succeeded'; processorReference: string }
    | { status: 'declined'; processorReference?: string; declineCode: string; message: string };

export type RefundResult =
    { status: 'succeeded'; refundReference: string } | { status: 'failed'; code: string; message: string };

/**
 * One interface for every payment processor. Numbers go in, tokens come out; charges carry
 * our idempotency key so that a retried charge is never taken twice.
 */
export interface PaymentProcessor {
    readonly name: string;
    tokenize(details: CardDetails | BankAccountDetails): Promise<TokenizedSource>;
    charge(request: {
        token: string;
        amountCents: Cents;
        description: string;
        idempotencyKey: string;
    }): Promise<ChargeResult>;
    /**
     * Gives back part or all of a charge (its processorReference). Same key, same answer: a retried
     * refund is made once. Refunds of one charge never exceed it. Absent: this processor cannot refund.
     */
    refund?(request: {
        processorReference: string;
        amountCents: Cents;
        idempotencyKey: string;
    }): Promise<RefundResult>;
    /**
     * What became of the charge sent with this key, or undefined when the processor never took it
     * (then sending it again with the same key is safe). Asked when an answer was lost.
     */
    findCharge(idempotencyKey: string): Promise<ChargeResult | undefined>;
}
