import fc from 'fast-check';
import { BillingError } from '../errors';
import { centsSchema, isCents, multiplyCents, sumCents, toCents } from './cents';
import { formatUsd } from './formatUsd';
import { parseUsd, usdStringSchema } from './parseUsd';
import { roundHalfUp } from './roundHalfUp';

describe('R8.4 money is integer cents', () => {
    it('accepts whole cents and refuses fractions and unsafe integers', () => {
        expect(isCents(1999)).toBe(true);
        expect(isCents(19.99)).toBe(false);
        expect(isCents(2 ** 53)).toBe(false);
        expect(centsSchema.safeParse(19.99).success).toBe(false);
    });

    it('refuses totals that leave the safe-integer range instead of losing cents', () => {
        expect(() => toCents(2n ** 53n)).toThrow(BillingError);
        expect(() => multiplyCents(Number.MAX_SAFE_INTEGER, 2)).toThrow(BillingError);
        expect(sumCents([1, 2, 3])).toBe(6);
        expect(sumCents([])).toBe(0);
    });
});

describe('R8.4 roundHalfUp', () => {
    it('rounds exact halves away from zero and everything else to the nearest cent', () => {
        expect(roundHalfUp(5, 2)).toBe(3);
        expect(roundHalfUp(-5, 2)).toBe(-3);
        expect(roundHalfUp(7, 3)).toBe(2);
        expect(roundHalfUp(8, 3)).toBe(3);
        expect(roundHalfUp(149, 100)).toBe(1);
        expect(roundHalfUp(150, 100)).toBe(2);
        expect(roundHalfUp(0, 7)).toBe(0);
        expect(roundHalfUp(10n ** 17n, 10n ** 3n)).toBe(10 ** 14);
    });

    it('refuses a zero denominator', () => {
        expect(() => roundHalfUp(1, 0)).toThrow(RangeError);
    });

    it('is stable: rounding an already whole amount changes nothing', () => {
        fc.assert(
            fc.property(
                fc.integer({ min: -1e12, max: 1e12 }),
                fc.integer({ min: 1, max: 10_000 }),
                (amount, scale) => {
                    expect(roundHalfUp(amount, 1)).toBe(amount);
                    expect(roundHalfUp(BigInt(amount) * BigInt(scale), scale)).toBe(amount);
                }
            )
        );
    });

    it('rounds every exact .5 up in magnitude and stays within half a cent of the exact ratio', () => {
        fc.assert(
            fc.property(fc.integer({ min: 0, max: 1e12 }), (whole) => {
                expect(roundHalfUp(2 * whole + 1, 2)).toBe(whole + 1);
                expect(roundHalfUp(-(2 * whole + 1), 2)).toBe(-(whole + 1));
            })
        );
        fc.assert(
            fc.property(
                fc.integer({ min: -1e12, max: 1e12 }),
                fc.integer({ min: 1, max: 1e6 }),
                (numerator, denominator) => {
                    const rounded = BigInt(roundHalfUp(numerator, denominator));
                    const error = rounded * BigInt(denominator) - BigInt(numerator);
                    const twiceError = 2n * (error < 0n ? -error : error);
                    expect(twiceError <= BigInt(denominator)).toBe(true);
                }
            )
        );
    });

    it('never turns a non-negative amount negative', () => {
        fc.assert(
            fc.property(fc.nat(), fc.integer({ min: 1, max: 1e6 }), (numerator, denominator) => {
                expect(roundHalfUp(numerator, denominator)).toBeGreaterThanOrEqual(0);
            })
        );
    });
});

describe('R5.1 USD formatting', () => {
    it('shows dollars and cents with thousands separators and a leading minus', () => {
        expect(formatUsd(12345)).toBe('$123.45');
        expect(formatUsd(0)).toBe('$0.00');
        expect(formatUsd(5)).toBe('$0.05');
        expect(formatUsd(-5)).toBe('-$0.05');
        expect(formatUsd(-12345)).toBe('-$123.45');
        expect(formatUsd(123456789)).toBe('$1,234,567.89');
        expect(formatUsd(Number.MAX_SAFE_INTEGER)).toBe('$90,071,992,547,409.91');
    });
});

describe('R5.2 parsing typed dollar amounts', () => {
    it('parses exactly to cents', () => {
        expect(parseUsd('100.00')).toBe(10000);
        expect(parseUsd('100')).toBe(10000);
        expect(parseUsd('100.5')).toBe(10050);
        expect(parseUsd('0.07')).toBe(7);
        expect(parseUsd('$1,250.99')).toBe(125099);
        expect(parseUsd(' 19.99 ')).toBe(1999);
    });

    it('refuses three decimals, negatives, and text that is not an amount', () => {
        for (const text of ['100.001', '-5', '1e3', '', '12,34', '10.', 'abc', '1,0000']) {
            let thrown: unknown;
            try {
                parseUsd(text);
            } catch (error) {
                thrown = error;
            }
            expect(thrown).toBeInstanceOf(BillingError);
            expect(thrown).toMatchObject({ code: 'invalid_amount', httpStatus: 400 });
        }
    });

    it('round-trips with formatUsd for every amount', () => {
        fc.assert(
            fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (amount) => {
                expect(parseUsd(formatUsd(amount))).toBe(amount);
            })
        );
    });

    it('is available as a zod schema that reports the sentence', () => {
        expect(usdStringSchema.parse('25.50')).toBe(2550);
        const failed = usdStringSchema.safeParse('25.505');
        expect(failed.success).toBe(false);
        expect(failed.error?.issues[0]?.message).toMatch(/at most two decimals/);
    });
});
