import { addMonths, calendarDateIn } from '../calendar/calendarDate';
import type { CalendarDate } from '../calendar/calendarDate';

/** `YYYY-MM`: one billing cycle of one account; the key that makes the cycle charge exactly-once (R4.1). */
export type CyclePeriod = string;

export function periodOf(date: CalendarDate): CyclePeriod {
    return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}`;
}

/** The cycle `now` belongs to, by the calendar of the account's time zone. */
export function cyclePeriod(now: Date, timeZone: string): CyclePeriod {
    return periodOf(calendarDateIn(now, timeZone));
}

const MONTH_AND_YEAR = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2026-12` → "December 2026": a cycle as a person reads it on a bill line. */
export function formatCyclePeriod(period: CyclePeriod): string {
    const [year, month] = period.split('-').map(Number);
    return MONTH_AND_YEAR.format(new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, 1)));
}

export function previousCyclePeriod(period: CyclePeriod): CyclePeriod {
    const [year, month] = period.split('-').map(Number);
    return periodOf(addMonths({ year: year ?? 0, month: month ?? 1, day: 1 }, -1));
}

/** True on the first calendar day of a month in the account's time zone: the day cycles are billed (R4.1). */
export function isCycleDay(now: Date, timeZone: string): boolean {
    return calendarDateIn(now, timeZone).day === 1;
}
