import { parseIsoDate, toIsoDate } from './calendarDate';
import { dateRange } from './dateRange';
import { DEFAULT_RANGE_DAYS, MAX_RANGE_DAYS, daysIncluded } from './rangeInputRules';

const iso = (range: ReturnType<typeof dateRange>) =>
    range && { from: toIsoDate(range.from), to: toIsoDate(range.to) };

describe('R8.2 the default transaction range', () => {
    it('is the last 90 days, today included, today in the account time zone', () => {
        // 03:00 UTC on 22 Nov is still 21 Nov in Los Angeles.
        const now = new Date('2026-11-22T03:00:00Z');
        expect(iso(dateRange({ now, timeZone: 'America/Los_Angeles' }))).toEqual({
            from: '2026-08-24',
            to: '2026-11-21'
        });
        expect(iso(dateRange({ now, timeZone: 'UTC' }))).toEqual({ from: '2026-08-25', to: '2026-11-22' });
        const range = dateRange({ now, timeZone: 'UTC' });
        expect(range && daysIncluded(range.from, range.to)).toBe(DEFAULT_RANGE_DAYS);
    });

    it('keeps the days asked for and counts back from a given end', () => {
        const now = new Date('2026-11-22T12:00:00Z');
        expect(iso(dateRange({ now, timeZone: 'UTC', to: parseIsoDate('2026-03-31') }))).toEqual({
            from: '2026-01-01',
            to: '2026-03-31'
        });
        expect(iso(dateRange({ now, timeZone: 'UTC', from: parseIsoDate('2026-11-10') }))).toEqual({
            from: '2026-11-10',
            to: '2026-11-22'
        });
    });

    it('refuses a reversed range and one longer than two years', () => {
        const now = new Date('2026-11-22T12:00:00Z');
        const to = parseIsoDate('2026-11-22');
        expect(dateRange({ now, timeZone: 'UTC', from: parseIsoDate('2026-11-23'), to })).toBeUndefined();
        expect(dateRange({ now, timeZone: 'UTC', from: parseIsoDate('2024-11-21'), to })).toBeUndefined();
        const longest = dateRange({ now, timeZone: 'UTC', from: parseIsoDate('2024-11-22'), to });
        expect(longest && daysIncluded(longest.from, longest.to)).toBe(MAX_RANGE_DAYS);
    });
});
