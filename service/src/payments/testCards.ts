/**
 * The local processor's test mode, modelled on the card networks' documented test numbers:
 * any other number that passes Luhn succeeds. Nothing here is a real card.
 */
export interface TestOutcome {
    declineCode: string;
    message: string;
}

export const TEST_CARD_OUTCOMES: Readonly<Record<string, TestOutcome>> = {
    '4000000000000002': { declineCode: 'card_declined', message: 'Your card was declined.' },
    '4000000000009995': { declineCode: 'insufficient_funds', message: 'Your card has insufficient funds.' },
    '4000000000000069': { declineCode: 'expired_card', message: 'Your card has expired.' },
    '4000000000000127': { declineCode: 'incorrect_cvc', message: "Your card's security code is incorrect." }
};

/** Test bank account numbers (any routing number that passes the ABA checksum). */
export const TEST_BANK_ACCOUNT_OUTCOMES: Readonly<Record<string, TestOutcome>> = {
    '000111111116': { declineCode: 'no_account', message: 'The bank account could not be located.' },
    '000111111113': { declineCode: 'account_closed', message: 'The bank account has been closed.' },
    '000222222227': { declineCode: 'insufficient_funds', message: 'The bank account has insufficient funds.' }
};

export function cardBrand(number: string): string {
    if (number.startsWith('4')) return 'visa';
    if (/^(5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720))/.test(number)) return 'mastercard';
    if (/^3[47]/.test(number)) return 'amex';
    if (/^(6011|65|64[4-9])/.test(number)) return 'discover';
    return 'card';
}
