import type { BankAccountDetails, CardDetails } from '../kernel/paymentProcessor';
import { isValidRoutingNumber, passesLuhn, validateBankAccount, validateCard } from './validation';
import { testCard } from './testing';

const NOW = new Date('2026-11-22T20:00:00Z');
const CARD: CardDetails = testCard({ number: '4242 4242 4242 4242' });
const BANK: BankAccountDetails = {
    kind: 'bank_account',
    routingNumber: '110000000',
    accountNumber: '000123456789',
    accountType: 'checking',
    holderFirstName: 'Ada',
    holderLastName: 'Lovelace'
};

describe('R7.1 funding source input validation', () => {
    it('accepts the documented test numbers and refuses a one-digit typo (Luhn)', () => {
        for (const number of [
            '4242424242424242',
            '5555555555554444',
            '378282246310005',
            '6011111111111117'
        ]) {
            expect(passesLuhn(number)).toBe(true);
        }
        expect(passesLuhn('4242424242424241')).toBe(false);
        expect(validateCard(CARD, NOW)).toBeUndefined();
        expect(validateCard({ ...CARD, number: '4242424242424241' }, NOW)?.code).toBe('card_number_invalid');
        expect(validateCard({ ...CARD, number: '4242abcd' }, NOW)?.code).toBe('card_number_invalid');
    });

    it('refuses an expiry year that is not four digits (20202030 was once stored)', () => {
        expect(validateCard({ ...CARD, expMonth: 8, expYear: 20202030 }, NOW)?.code).toBe(
            'card_expiry_invalid'
        );
    });

    it('treats a card as valid through the last day of its expiry month', () => {
        expect(validateCard({ ...CARD, expMonth: 11, expYear: 2026 }, NOW)).toBeUndefined();
        expect(validateCard({ ...CARD, expMonth: 10, expYear: 2026 }, NOW)).toMatchObject({
            code: 'card_expired',
            message: expect.stringContaining('expired') as string
        });
        expect(validateCard({ ...CARD, expMonth: 13 }, NOW)?.code).toBe('card_expiry_invalid');
        expect(validateCard({ ...CARD, cvc: '12' }, NOW)?.code).toBe('cvc_invalid');
    });

    it('checks ABA routing numbers with the 3-7-1 weights', () => {
        expect(isValidRoutingNumber('110000000')).toBe(true);
        expect(isValidRoutingNumber('021000021')).toBe(true); // JPMorgan Chase
        expect(isValidRoutingNumber('021000022')).toBe(false);
        expect(isValidRoutingNumber('12345678')).toBe(false);
        expect(validateBankAccount(BANK)).toBeUndefined();
        expect(validateBankAccount({ ...BANK, routingNumber: '110000001' })?.code).toBe(
            'routing_number_invalid'
        );
        expect(validateBankAccount({ ...BANK, accountNumber: '12' })?.code).toBe('account_number_invalid');
    });

    it('requires the first and last name of the authorised person', () => {
        expect(validateCard({ ...CARD, holderLastName: '  ' }, NOW)?.code).toBe('holder_name_required');
        expect(validateBankAccount({ ...BANK, holderFirstName: '' })?.code).toBe('holder_name_required');
    });
});
