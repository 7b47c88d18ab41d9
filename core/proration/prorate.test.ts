import fc from 'fast-check';
import { daysInMonth, startOfDayInstant } from '../calendar/calendarDate';
import { prorate, prorationDays } from './prorate';

const NEW_YORK = 'America/New_York';
const LONDON = 'Europe/London';

/** Noon of a calendar day in a zone: safely inside that day whatever the DST rules. */
function noonOf(year: number, month: number, day: number, timeZone: string): Date {
    return new Date(startOfDayInstant({ year, month, day }, timeZone).getTime() + 12 * 3600 * 1000);
}

describe('R3.4 proration', () => {
    it('charges unit price × added × days left ÷ days in month, today included, rounded half-up', () => {
        // 2026-11-22: 30-day month, 9 days left (22..30). 2 × $100 × 9/30 = $60.00.
        const result = prorate({
            unitPrice: 10000,
            quantity: 2,
            now: noonOf(2026, 11, 22, NEW_YORK),
            timeZone: NEW_YORK
        });
        expect(result).toMatchObject({ daysLeft: 9, daysInMonth: 30, amount: 6000 });
        // $65 × 1 × 10/31 = 2096.77… cents → $20.97 (2026-12-22: 10 days left of 31).
        expect(
            prorate({ unitPrice: 6500, quantity: 1, now: noonOf(2026, 12, 22, NEW_YORK), timeZone: NEW_YORK })
                .amount
        ).toBe(2097);
        // Exact half: 1 cent × 1 × 14/28 = 0.5 → 1 cent.
        expect(
            prorate({ unitPrice: 1, quantity: 1, now: noonOf(2026, 2, 15, NEW_YORK), timeZone: NEW_YORK })
                .amount
        ).toBe(1);
    });

    it.each([
        [2026, 2, 28],
        [2024, 2, 29],
        [2100, 2, 28],
        [2000, 2, 29],
        [2026, 4, 30],
        [2026, 1, 31]
    ])('knows %i-%i has %i days (leap years included; 2100 is not leap)', (year, month, length) => {
        expect(daysInMonth(year, month)).toBe(length);
        const firstDay = prorationDays(noonOf(year, month, 1, NEW_YORK), NEW_YORK);
        expect(firstDay).toMatchObject({ daysLeft: length, daysInMonth: length });
    });

    it('charges the full month on the first day and one day on the last day', () => {
        const first = prorate({
            unitPrice: 9500,
            quantity: 3,
            now: noonOf(2024, 2, 1, NEW_YORK),
            timeZone: NEW_YORK
        });
        expect(first).toMatchObject({ daysLeft: 29, daysInMonth: 29, amount: 28500 });
        const last = prorate({
            unitPrice: 9500,
            quantity: 3,
            now: noonOf(2024, 2, 29, NEW_YORK),
            timeZone: NEW_YORK
        });
        // 28500 × 1/29 = 982.75… → 983
        expect(last).toMatchObject({ daysLeft: 1, daysInMonth: 29, amount: 983 });
    });

    it.each([
        ['spring forward in New York', NEW_YORK, 2026, 3, 8, 24],
        ['fall back in New York', NEW_YORK, 2026, 11, 1, 30],
        ['spring forward in London', LONDON, 2026, 3, 29, 3],
        ['fall back in London', LONDON, 2026, 10, 25, 7]
    ])('counts calendar days, not 24-hour blocks, on %s', (_label, timeZone, year, month, day, daysLeft) => {
        const start = startOfDayInstant({ year, month, day }, timeZone);
        const justBeforeMidnight = new Date(
            startOfDayInstant({ year, month, day: day + 1 }, timeZone).getTime() - 1000
        );
        for (const instant of [start, justBeforeMidnight]) {
            expect(prorationDays(instant, timeZone)).toMatchObject({ today: { year, month, day }, daysLeft });
        }
    });

    it('uses the date in the account time zone when UTC is already on another date', () => {
        // 03:00 UTC on March 1st is still February 28th, 22:00, in New York: 1 day left of 28.
        const instant = new Date('2026-03-01T03:00:00Z');
        expect(prorationDays(instant, 'UTC')).toMatchObject({ daysLeft: 31, daysInMonth: 31 });
        expect(prorationDays(instant, NEW_YORK)).toMatchObject({ daysLeft: 1, daysInMonth: 28 });
        // 16:00 UTC on April 30th is already May 1st in Tokyo: the full month of May.
        expect(prorationDays(new Date('2026-04-30T16:00:00Z'), 'Asia/Tokyo')).toMatchObject({
            daysLeft: 31,
            daysInMonth: 31
        });
    });
});

describe('R3.4 proration properties', () => {
    const monthArbitrary = fc.record({
        year: fc.integer({ min: 1970, max: 2200 }),
        month: fc.integer({ min: 1, max: 12 }),
        unitPrice: fc.integer({ min: 0, max: 10_000_000 }),
        quantity: fc.integer({ min: 0, max: 1000 }),
        timeZone: fc.constantFrom('UTC', NEW_YORK, LONDON, 'Asia/Kolkata', 'Pacific/Auckland')
    });

    it('day by day: the first day is the full price, each day is at most the full price and at least the next day, never negative, the last day is one day, and the daily costs of a month sum to the full price', () => {
        fc.assert(
            fc.property(monthArbitrary, ({ year, month, unitPrice, quantity, timeZone }) => {
                const full = unitPrice * quantity;
                const length = daysInMonth(year, month);
                const amounts = Array.from(
                    { length },
                    (_, index) =>
                        prorate({
                            unitPrice,
                            quantity,
                            now: noonOf(year, month, index + 1, timeZone),
                            timeZone
                        }).amount
                );
                expect(amounts[0]).toBe(full);
                expect(BigInt(amounts[length - 1]!)).toBe(
                    (2n * BigInt(full) + BigInt(length)) / (2n * BigInt(length))
                );
                // What each single day costs (a license added on day d less one added on day d + 1):
                // a month of daily prorations sums to the full price, never above it.
                const daily = amounts.map((amount, day) => amount - (amounts[day + 1] ?? 0));
                expect(daily.reduce((sum, cost) => sum + cost, 0)).toBe(full);
                for (let day = 0; day < length; day += 1) {
                    expect(daily[day]).toBeGreaterThanOrEqual(0);
                    expect(amounts[day]).toBeGreaterThanOrEqual(0);
                    expect(amounts[day]).toBeLessThanOrEqual(full);
                    if (day > 0) expect(amounts[day]).toBeLessThanOrEqual(amounts[day - 1]!);
                }
            }),
            { numRuns: 60 }
        );
    });

    it('each day differs from the exact rational price × days left ÷ days in month by at most half a cent', () => {
        fc.assert(
            fc.property(
                monthArbitrary,
                fc.integer({ min: 1, max: 31 }),
                ({ year, month, unitPrice, quantity, timeZone }, dayWanted) => {
                    const length = daysInMonth(year, month);
                    const day = Math.min(dayWanted, length);
                    const { amount, daysLeft } = prorate({
                        unitPrice,
                        quantity,
                        now: noonOf(year, month, day, timeZone),
                        timeZone
                    });
                    expect(daysLeft).toBe(length - day + 1);
                    const twiceError =
                        2n *
                        (BigInt(amount) * BigInt(length) -
                            BigInt(unitPrice) * BigInt(quantity) * BigInt(daysLeft));
                    expect(twiceError <= BigInt(length) && -twiceError <= BigInt(length)).toBe(true);
                }
            )
        );
    });
});
