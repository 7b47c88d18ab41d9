import { contractEndDate, contractSchema, floorOf } from './contract';
import { planCancellation } from './planCancellation';

const PRICES = { CRM: 6500, DIALER: 9500 };

describe('R3.2 contract term and floors', () => {
    it('ends a 6- or 12-month term the day before the same date', () => {
        expect(contractEndDate('2026-01-15', 12)).toBe('2027-01-14');
        expect(contractEndDate('2026-07-01', 6)).toBe('2026-12-31');
        expect(contractEndDate('2026-08-31', 6)).toBe('2027-02-27');
    });

    it('binds floors only during the term', () => {
        const contract = { start: '2026-01-01', end: '2026-12-31', floors: { CRM: 10 } };
        expect(floorOf(contract, 'CRM', { year: 2026, month: 12, day: 31 })).toBe(10);
        expect(floorOf(contract, 'CRM', { year: 2027, month: 1, day: 1 })).toBe(0);
        expect(floorOf(contract, 'DIALER', { year: 2026, month: 6, day: 1 })).toBe(0);
        expect(floorOf(null, 'CRM', { year: 2026, month: 6, day: 1 })).toBe(0);
    });

    it('validates contracts with a shared zod schema', () => {
        expect(
            contractSchema.safeParse({ start: '2026-01-01', end: '2026-12-31', floors: { CRM: 10 } }).success
        ).toBe(true);
        expect(contractSchema.safeParse({ start: '2026-01-01', end: '2025-12-31', floors: {} }).success).toBe(
            false
        );
        expect(contractSchema.safeParse({ start: '2026-02-30', end: '2026-12-31', floors: {} }).success).toBe(
            false
        );
        expect(
            contractSchema.safeParse({ start: '2026-01-01', end: '2026-12-31', floors: { GOLD: 1 } }).success
        ).toBe(false);
    });
});

describe('R4.3 cancellation', () => {
    const contract = { start: '2026-07-01', end: '2027-06-30', floors: { CRM: 10, DIALER: 5 } };

    it('takes effect at the end of the term and owes the floors for each cycle left after this month', () => {
        const plan = planCancellation({
            now: new Date('2026-11-22T17:00:00Z'),
            timeZone: 'America/New_York',
            contract,
            quantities: { CRM: 12, DIALER: 6 },
            prices: PRICES
        });
        // Cycles on Dec 1, Jan 1, …, Jun 1: 7. November is already billed in advance.
        expect(plan).toEqual({
            effectiveDate: '2027-06-30',
            remainingCycles: 7,
            monthlyAtFloors: 10 * 6500 + 5 * 9500,
            monthlyAtCurrentQuantities: 12 * 6500 + 6 * 9500,
            remainingOwed: 7 * 112500,
            remainingIfUnchanged: 7 * 135000
        });
    });

    it('counts a cycle on the 1st after today but not today when cancelling on the 1st', () => {
        const plan = planCancellation({
            now: new Date('2027-06-01T15:00:00Z'),
            timeZone: 'UTC',
            contract,
            quantities: {},
            prices: PRICES
        });
        expect(plan).toMatchObject({ effectiveDate: '2027-06-30', remainingCycles: 0, remainingOwed: 0 });
    });

    it('takes effect today and owes nothing without a contract in force', () => {
        const plan = planCancellation({
            now: new Date('2027-07-02T15:00:00Z'),
            timeZone: 'UTC',
            contract,
            quantities: { CRM: 3 },
            prices: PRICES
        });
        expect(plan).toMatchObject({
            effectiveDate: '2027-07-02',
            remainingCycles: 0,
            remainingOwed: 0,
            monthlyAtCurrentQuantities: 19500
        });
        expect(
            planCancellation({
                now: new Date('2027-07-02T15:00:00Z'),
                timeZone: 'UTC',
                contract: null,
                quantities: {},
                prices: {}
            }).effectiveDate
        ).toBe('2027-07-02');
    });
});
