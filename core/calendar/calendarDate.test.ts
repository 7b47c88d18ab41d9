import {
    addDays,
    addMonths,
    calendarDateIn,
    formatLongDate,
    isoDateSchema,
    isTimeZone,
    parseIsoDate,
    startOfDayInstant,
    timeZoneSchema,
    toIsoDate
} from './calendarDate';

describe('R4.1 calendar dates in the account time zone', () => {
    it('reads the date of an instant in a zone', () => {
        const instant = new Date('2026-03-01T03:00:00Z');
        expect(calendarDateIn(instant, 'UTC')).toEqual({ year: 2026, month: 3, day: 1 });
        expect(calendarDateIn(instant, 'America/New_York')).toEqual({ year: 2026, month: 2, day: 28 });
    });

    it('refuses names that are not IANA time zones', () => {
        expect(isTimeZone('Europe/London')).toBe(true);
        expect(isTimeZone('Mars/Olympus')).toBe(false);
        expect(timeZoneSchema.safeParse('Mars/Olympus').success).toBe(false);
        expect(() => calendarDateIn(new Date(), 'Mars/Olympus')).toThrow(
            expect.objectContaining({ code: 'invalid_time_zone' }) as Error
        );
    });

    it.each([
        ['America/New_York', { year: 2026, month: 3, day: 8 }, '2026-03-08T05:00:00.000Z'],
        ['America/New_York', { year: 2026, month: 11, day: 1 }, '2026-11-01T04:00:00.000Z'],
        ['Europe/London', { year: 2026, month: 3, day: 29 }, '2026-03-29T00:00:00.000Z'],
        ['Europe/London', { year: 2026, month: 7, day: 1 }, '2026-06-30T23:00:00.000Z'],
        ['Asia/Kolkata', { year: 2026, month: 1, day: 1 }, '2025-12-31T18:30:00.000Z'],
        // Santiago skips midnight on its spring-forward day: the day starts at 01:00 local.
        ['America/Santiago', { year: 2026, month: 9, day: 6 }, '2026-09-06T04:00:00.000Z']
    ])('finds the first instant of a day in %s', (timeZone, date, expected) => {
        expect(startOfDayInstant(date, timeZone).toISOString()).toBe(expected);
    });

    it('adds days and months, clamping to the end of shorter months', () => {
        expect(addDays({ year: 2024, month: 2, day: 28 }, 1)).toEqual({ year: 2024, month: 2, day: 29 });
        expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
        expect(addMonths({ year: 2026, month: 1, day: 31 }, 1)).toEqual({ year: 2026, month: 2, day: 28 });
        expect(addMonths({ year: 2026, month: 1, day: 15 }, -2)).toEqual({ year: 2025, month: 11, day: 15 });
    });

    it('reads and writes ISO dates, refusing impossible ones', () => {
        expect(toIsoDate(parseIsoDate('2024-02-29'))).toBe('2024-02-29');
        expect(isoDateSchema.safeParse('2026-02-29').success).toBe(false);
        expect(isoDateSchema.safeParse('2026-2-1').success).toBe(false);
        expect(formatLongDate({ year: 2027, month: 6, day: 30 })).toBe('June 30, 2027');
    });
});
