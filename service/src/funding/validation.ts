import type { BankAccountDetails, CardDetails } from '../kernel/paymentProcessor';

/** Why entered payment details were refused: a stable code and a sentence for the admin. */
export interface FundingInputProblem {
    code:
        | 'card_number_invalid'
        | 'card_expired'
        | 'card_expiry_invalid'
        | 'cvc_invalid'
        | 'routing_number_invalid'
        | 'account_number_invalid'
        | 'holder_name_required';
    message: string;
}

/** Luhn (mod 10) checksum over a string of digits. */
export function passesLuhn(digits: string): boolean {
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
        let digit = Number(digits[digits.length - 1 - i]);
        if (i % 2 === 1) {
            digit *= 2;
            if (digit > 9) digit -= 9;
        }
        sum += digit;
    }
    return sum % 10 === 0;
}

/** ABA routing number: nine digits whose 3-7-1 weighted sum is a multiple of ten. */
export function isValidRoutingNumber(routingNumber: string): boolean {
    if (!/^\d{9}$/.test(routingNumber)) return false;
    const weights = [3, 7, 1, 3, 7, 1, 3, 7, 1];
    const sum = weights.reduce((total, weight, i) => total + weight * Number(routingNumber[i]), 0);
    return sum % 10 === 0;
}

/** A card stays valid through the last day of its expiry month. */
export function isCardExpired(expMonth: number, expYear: number, now: Date): boolean {
    const year = now.getUTCFullYear();
    const month = now.getUTCMonth() + 1;
    return expYear < year || (expYear === year && expMonth < month);
}

function holderNameProblem(first: string, last: string): FundingInputProblem | undefined {
    if (first.trim() === '' || last.trim() === '') {
        return {
            code: 'holder_name_required',
            message: 'Enter the first and last name of the person authorised to use this funding source.'
        };
    }
    return undefined;
}

/** Strips the spaces and dashes people type inside card and account numbers. */
export function digitsOnly(value: string): string {
    return value.replace(/[\s-]/g, '');
}

export function validateCard(card: CardDetails, now: Date): FundingInputProblem | undefined {
    const number = digitsOnly(card.number);
    if (!/^\d{12,19}$/.test(number) || !passesLuhn(number)) {
        return {
            code: 'card_number_invalid',
            message: 'The card number is not valid. Check the digits and try again.'
        };
    }
    if (!Number.isInteger(card.expMonth) || card.expMonth < 1 || card.expMonth > 12 || card.expYear < 2000) {
        return {
            code: 'card_expiry_invalid',
            message: 'The expiry date must be a month (1-12) and a four-digit year.'
        };
    }
    if (isCardExpired(card.expMonth, card.expYear, now)) {
        return {
            code: 'card_expired',
            message: 'This card has expired. Use a card with a later expiry date.'
        };
    }
    if (!/^\d{3,4}$/.test(card.cvc)) {
        return {
            code: 'cvc_invalid',
            message: 'The security code is the 3 or 4 digits printed on the card.'
        };
    }
    return holderNameProblem(card.holderFirstName, card.holderLastName);
}

export function validateBankAccount(account: BankAccountDetails): FundingInputProblem | undefined {
    if (!isValidRoutingNumber(account.routingNumber)) {
        return {
            code: 'routing_number_invalid',
            message: 'The routing number is not a valid 9-digit ABA routing number. Check it on a cheque.'
        };
    }
    if (!/^\d{4,17}$/.test(digitsOnly(account.accountNumber))) {
        return { code: 'account_number_invalid', message: 'The account number must be 4 to 17 digits.' };
    }
    return holderNameProblem(account.holderFirstName, account.holderLastName);
}
