import { z } from 'zod';
import { BillingError } from '../errors';

/** A day on the calendar of some time zone; `month` is 1–12. */
export interface CalendarDate {
    readonly year: number;
    readonly month: number;
    readonly day: number;
}

/** `YYYY-MM-DD` */
export type IsoDate = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
    let formatter = formatters.get(timeZone);
    if (formatter === undefined) {
        try {
            formatter = new Intl.DateTimeFormat('en-US', {
                timeZone,
                year: 'numeric',
                month: 'numeric',
                day: 'numeric',
                hour: 'numeric',
                minute: 'numeric',
                second: 'numeric',
                hourCycle: 'h23'
            });
        } catch {
            throw new BillingError(
                'invalid_time_zone',
                `"${timeZone}" is not a time zone; use an IANA name such as America/New_York.`,
                {
                    timeZone
                }
            );
        }
        formatters.set(timeZone, formatter);
    }
    return formatter;
}

export function isTimeZone(value: string): boolean {
    try {
        formatterFor(value);
        return true;
    } catch {
        return false;
    }
}

export const timeZoneSchema = z
    .string()
    .refine(isTimeZone, 'must be an IANA time zone such as America/New_York');

function wallClock(
    instant: Date,
    timeZone: string
): { date: CalendarDate; hour: number; minute: number; second: number } {
    const parts: Record<string, number> = {};
    for (const part of formatterFor(timeZone).formatToParts(instant)) {
        if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    const value = (type: string): number => parts[type] ?? 0;
    return {
        date: { year: value('year'), month: value('month'), day: value('day') },
        hour: value('hour'),
        minute: value('minute'),
        second: value('second')
    };
}

/** The calendar date that `instant` falls on in `timeZone`. */
export function calendarDateIn(instant: Date, timeZone: string): CalendarDate {
    if (Number.isNaN(instant.getTime()))
        throw new BillingError('invalid_input', 'The time given is not a valid date.');
    return wallClock(instant, timeZone).date;
}

export function daysInMonth(year: number, month: number): number {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isLeapYear(year: number): boolean {
    return daysInMonth(year, 2) === 29;
}

function fromUtcDay(utcMidnight: number): CalendarDate {
    const date = new Date(utcMidnight);
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
    return fromUtcDay(Date.UTC(date.year, date.month - 1, date.day + days));
}

/** The same day `months` later, clamped to the month's last day (Jan 31 + 1 month → Feb 28/29). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
    const first = fromUtcDay(Date.UTC(date.year, date.month - 1 + months, 1));
    return { ...first, day: Math.min(date.day, daysInMonth(first.year, first.month)) };
}

export function firstOfMonth(date: CalendarDate): CalendarDate {
    return { year: date.year, month: date.month, day: 1 };
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
    return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function toIsoDate(date: CalendarDate): IsoDate {
    return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(text: IsoDate): CalendarDate {
    const match = ISO_DATE.exec(text);
    const date = match && { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
    if (
        !date ||
        date.month < 1 ||
        date.month > 12 ||
        date.day < 1 ||
        date.day > daysInMonth(date.year, date.month)
    ) {
        throw new BillingError('invalid_input', `"${text}" is not a calendar date; write it as YYYY-MM-DD.`, {
            input: text
        });
    }
    return date;
}

export const isoDateSchema = z.string().refine((text) => {
    try {
        parseIsoDate(text);
        return true;
    } catch {
        return false;
    }
}, 'must be a calendar date written YYYY-MM-DD');

/** The first instant of `date` in `timeZone` (local midnight, or the first existing minute after it). */
export function startOfDayInstant(date: CalendarDate, timeZone: string): Date {
    const target = Date.UTC(date.year, date.month - 1, date.day);
    let guess = target;
    for (let attempt = 0; attempt < 3; attempt += 1) {
        const clock = wallClock(new Date(guess), timeZone);
        const shownAsUtc = Date.UTC(
            clock.date.year,
            clock.date.month - 1,
            clock.date.day,
            clock.hour,
            clock.minute,
            clock.second
        );
        const next = guess - (shownAsUtc - target);
        if (next === guess) break;
        guess = next;
    }
    while (compareDates(calendarDateIn(new Date(guess), timeZone), date) < 0) guess += 15 * 60 * 1000;
    while (compareDates(calendarDateIn(new Date(guess - 15 * 60 * 1000), timeZone), date) === 0)
        guess -= 15 * 60 * 1000;
    return new Date(guess);
}

const LONG_DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

/** `{2027, 6, 30}` → `'June 30, 2027'` (for sentences shown to people). */
export function formatLongDate(date: CalendarDate): string {
    return LONG_DATE.format(new Date(Date.UTC(date.year, date.month - 1, date.day)));
}
