import { addDays, calendarDateIn, type CalendarDate } from './calendarDate';
import { DEFAULT_RANGE_DAYS, rangeProblem } from './rangeInputRules';

/**
 * The days a listing asks for: the ones given, the default where one is missing (a missing `to`
 * is today in `timeZone`; a missing `from` is DEFAULT_RANGE_DAYS back from `to`), whether or not
 * they are a range the service lists (`rangeProblem` says).
 */
export function askedRange(input: {
    now: Date;
    timeZone: string;
    from?: CalendarDate | undefined;
    to?: CalendarDate | undefined;
}): { from: CalendarDate; to: CalendarDate } {
    const to = input.to ?? calendarDateIn(input.now, input.timeZone);
    const from = input.from ?? addDays(to, 1 - DEFAULT_RANGE_DAYS);
    return { from, to };
}

/**
 * The days a listing covers (`askedRange`); undefined when the range is reversed or longer than
 * MAX_RANGE_DAYS (`rangeProblem` says why, on which field).
 */
export function dateRange(
    input: Parameters<typeof askedRange>[0]
): { from: CalendarDate; to: CalendarDate } | undefined {
    const range = askedRange(input);
    return rangeProblem(range.from, range.to) ? undefined : range;
}
