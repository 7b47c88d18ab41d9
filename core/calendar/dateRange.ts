import { addDays, calendarDateIn, type CalendarDate } from './calendarDate';

/**
 * R8.2: a transaction listing without dates shows the last 90 days, today included, today being
 * the account's day (its time zone), not the browser's. The service applies it and answers the
 * range it used; the panel shows that range.
 */
export const DEFAULT_RANGE_DAYS = 90;
/** The longest range one listing may ask for (two years, a leap day included). */
export const MAX_RANGE_DAYS = 731;

/** The number of days from `from` to `to`, both included (0 or less when `to` is before `from`). */
export function daysIncluded(from: CalendarDate, to: CalendarDate): number {
    const MS_PER_DAY = 86_400_000;
    return (
        (Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) /
            MS_PER_DAY +
        1
    );
}

/**
 * The days a listing covers: the ones asked for, the default where one is missing (a missing `to`
 * is today in `timeZone`; a missing `from` is DEFAULT_RANGE_DAYS back from `to`); undefined when
 * the range is reversed or longer than MAX_RANGE_DAYS (the caller says why in its own words).
 */
export function dateRange(input: {
    now: Date;
    timeZone: string;
    from?: CalendarDate | undefined;
    to?: CalendarDate | undefined;
}): { from: CalendarDate; to: CalendarDate } | undefined {
    const to = input.to ?? calendarDateIn(input.now, input.timeZone);
    const from = input.from ?? addDays(to, 1 - DEFAULT_RANGE_DAYS);
    const days = daysIncluded(from, to);
    return days < 1 || days > MAX_RANGE_DAYS ? undefined : { from, to };
}
