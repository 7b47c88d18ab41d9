import { describeExpiry, formatCents, formatDate, parseDollarsToCents } from 'c/billingFormat';

describe('c-billing-format', () => {
    it('R8.4 formats integer cents as dollars', () => {
        expect(formatCents(0)).toBe('$0.00');
        expect(formatCents(146501)).toBe('$1,465.01');
        expect(formatCents(-2700)).toBe('-$27.00');
    });

    it('reads dollars typed by a person into exact cents', () => {
        expect(parseDollarsToCents('100')).toBe(10000);
        expect(parseDollarsToCents('$1,000.5')).toBe(100050);
        expect(parseDollarsToCents('0.29')).toBe(29);
        expect(parseDollarsToCents('12.345')).toBeNull();
        expect(parseDollarsToCents('ten')).toBeNull();
        expect(parseDollarsToCents('')).toBeNull();
    });

    it('R7.2 shows a card expiry as month/year, and none for a bank account', () => {
        expect(describeExpiry({ expMonth: 4, expYear: 2029 })).toBe('expires 04/2029');
        expect(describeExpiry({ expMonth: null, expYear: null })).toBe('');
    });

    it('shows ISO dates as the admin reads them', () => {
        expect(formatDate('2027-06-30')).toBe('Jun 30, 2027');
        expect(formatDate(null)).toBe('');
    });
});
