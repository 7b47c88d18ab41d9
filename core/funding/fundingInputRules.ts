/**
 * The checks on payment details an admin types (R7.1), one source for the service (which refuses
 * with these codes) and the panels (which say so on the field before the authorization opens).
 */

/** Which entered field a problem belongs to, so a form can show it on that field. */
export type FundingInputField =
    | 'number'
    | 'expMonth'
    | 'expYear'
    | 'cvc'
    | 'routingNumber'
    | 'accountNumber'
    | 'holderFirstName'
    | 'holderLastName';

/** Why entered payment details were refused: a stable code, a sentence for the admin, the field. */
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
    field: FundingInputField;
}

export interface CardInput {
    number: string;
    expMonth: number;
    expYear: number;
    cvc: string;
    holderFirstName: string;
    holderLastName: string;
}

export interface BankAccountInput {
    routingNumber: string;
    accountNumber: string;
    holderFirstName: string;
    holderLastName: string;
}

/** The latest expiry year a card may carry: four digits. */
export const LAST_EXPIRY_YEAR = 9999;
const FIRST_EXPIRY_YEAR = 2000;

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

/** Strips the spaces and dashes people type inside card and account numbers. */
export function digitsOnly(value: string): string {
    return value.replace(/[\s-]/g, '');
}

function holderNameProblems(input: {
    holderFirstName: string;
    holderLastName: string;
}): FundingInputProblem[] {
    const message = 'Enter the first and last name of the person authorised to use this funding source.';
    const problems: FundingInputProblem[] = [];
    if (input.holderFirstName.trim() === '')
        problems.push({ code: 'holder_name_required', message, field: 'holderFirstName' });
    if (input.holderLastName.trim() === '')
        problems.push({ code: 'holder_name_required', message, field: 'holderLastName' });
    return problems;
}

/** The month and the year each on its field; an expired card only once both are valid. */
function expiryProblems(card: CardInput, now: Date): FundingInputProblem[] {
    const problems: FundingInputProblem[] = [];
    if (!(Number.isInteger(card.expMonth) && card.expMonth >= 1 && card.expMonth <= 12)) {
        problems.push({
            code: 'card_expiry_invalid',
            message: 'The expiry month must be a number from 1 to 12.',
            field: 'expMonth'
        });
    }
    if (!(
        Number.isInteger(card.expYear) &&
        card.expYear >= FIRST_EXPIRY_YEAR &&
        card.expYear <= LAST_EXPIRY_YEAR
    )) {
        problems.push({
            code: 'card_expiry_invalid',
            message: 'The expiry year must be a four-digit year, such as 2031.',
            field: 'expYear'
        });
    }
    if (problems.length === 0 && isCardExpired(card.expMonth, card.expYear, now)) {
        problems.push({
            code: 'card_expired',
            message: 'This card has expired. Use a card with a later expiry date.',
            field: 'expYear'
        });
    }
    return problems;
}

/** Every problem of an entered card, in the order of the form's fields (none: it may be sent). */
export function cardProblems(card: CardInput, now: Date): FundingInputProblem[] {
    const problems: FundingInputProblem[] = [];
    const number = digitsOnly(card.number);
    if (!/^\d{12,19}$/.test(number) || !passesLuhn(number)) {
        problems.push({
            code: 'card_number_invalid',
            message:
                number === ''
                    ? 'Enter the card number.'
                    : 'The card number is not valid. Check the digits and try again.',
            field: 'number'
        });
    }
    problems.push(...expiryProblems(card, now));
    if (!/^\d{3,4}$/.test(card.cvc)) {
        problems.push({
            code: 'cvc_invalid',
            message: 'The security code is the 3 or 4 digits printed on the card.',
            field: 'cvc'
        });
    }
    return [...problems, ...holderNameProblems(card)];
}

/** Every problem of an entered bank account (none: it may be sent). */
export function bankAccountProblems(account: BankAccountInput): FundingInputProblem[] {
    const problems: FundingInputProblem[] = [];
    if (!isValidRoutingNumber(account.routingNumber)) {
        problems.push({
            code: 'routing_number_invalid',
            message: 'The routing number is not a valid 9-digit ABA routing number. Check it on a cheque.',
            field: 'routingNumber'
        });
    }
    if (!/^\d{4,17}$/.test(digitsOnly(account.accountNumber))) {
        problems.push({
            code: 'account_number_invalid',
            message: 'The account number must be 4 to 17 digits.',
            field: 'accountNumber'
        });
    }
    return [...problems, ...holderNameProblems(account)];
}

/** The first problem of a card, as the service refuses it. */
export function validateCard(card: CardInput, now: Date): FundingInputProblem | undefined {
    return cardProblems(card, now)[0];
}

/** The first problem of a bank account, as the service refuses it. */
export function validateBankAccount(account: BankAccountInput): FundingInputProblem | undefined {
    return bankAccountProblems(account)[0];
}
