import { fundingSourceName } from './fundingSourceName';

describe('how a funding source is named to a person', () => {
    it('names the card brand in words, never the processor code', () => {
        expect(fundingSourceName({ kind: 'card', brand: 'visa', last4: '4242' })).toBe('Visa ending 4242');
        expect(fundingSourceName({ kind: 'card', brand: 'amex', last4: '0005' })).toBe(
            'American Express ending 0005'
        );
        expect(fundingSourceName({ kind: 'card', brand: 'unknown', last4: '1111' })).toBe('Card ending 1111');
    });

    it('calls a bank account a bank account, whatever the bank', () => {
        expect(fundingSourceName({ kind: 'bank_account', brand: 'Test Bank', last4: '6789' })).toBe(
            'Bank account ending 6789'
        );
    });
});
