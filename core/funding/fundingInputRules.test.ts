import { bankAccountProblems, cardProblems, validateBankAccount, validateCard } from './fundingInputRules';

const NOW = new Date('2026-11-22T20:00:00Z');
const CARD = {
    number: '4242 4242 4242 4242',
    expMonth: 12,
    expYear: 2031,
    cvc: '123',
    holderFirstName: 'Ada',
    holderLastName: 'Lovelace'
};
const BANK = {
    routingNumber: '110000000',
    accountNumber: '000123456789',
    holderFirstName: 'Ada',
    holderLastName: 'Lovelace'
};

describe('R7.1 entered payment details: one set of rules for the service and the panels', () => {
    it('accepts a valid card and bank account', () => {
        expect(cardProblems(CARD, NOW)).toEqual([]);
        expect(bankAccountProblems(BANK)).toEqual([]);
    });

    it('names the field of each problem, every problem at once, in the order of the form', () => {
        const empty = {
            number: '',
            expMonth: Number.NaN,
            expYear: Number.NaN,
            cvc: '',
            holderFirstName: '',
            holderLastName: ' '
        };
        expect(cardProblems(empty, NOW).map((problem) => [problem.field, problem.code])).toEqual([
            ['number', 'card_number_invalid'],
            ['expMonth', 'card_expiry_invalid'],
            ['expYear', 'card_expiry_invalid'],
            ['cvc', 'cvc_invalid'],
            ['holderFirstName', 'holder_name_required'],
            ['holderLastName', 'holder_name_required']
        ]);
        expect(validateCard(empty, NOW)).toMatchObject({
            code: 'card_number_invalid',
            message: 'Enter the card number.'
        });
    });

    it('refuses a check-digit typo, a year that is not four digits, a month past 12, and an expired card', () => {
        expect(validateCard({ ...CARD, number: '4242424242424241' }, NOW)?.field).toBe('number');
        expect(validateCard({ ...CARD, expYear: 20202030 }, NOW)).toMatchObject({
            code: 'card_expiry_invalid',
            field: 'expYear'
        });
        expect(validateCard({ ...CARD, expMonth: 13 }, NOW)).toMatchObject({
            code: 'card_expiry_invalid',
            field: 'expMonth'
        });
        expect(validateCard({ ...CARD, expMonth: 10, expYear: 2026 }, NOW)).toMatchObject({
            code: 'card_expired',
            field: 'expYear'
        });
        expect(validateCard({ ...CARD, expMonth: 11, expYear: 2026 }, NOW)).toBeUndefined();
    });

    it('refuses a routing number failing its checksum and a short account number', () => {
        expect(validateBankAccount({ ...BANK, routingNumber: '110000001' })?.field).toBe('routingNumber');
        expect(validateBankAccount({ ...BANK, accountNumber: '12' })?.field).toBe('accountNumber');
    });
});
