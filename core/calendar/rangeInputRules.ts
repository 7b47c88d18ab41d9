import type { CalendarDate } from './calendarDate';

/**
 * R8.2: a transaction listing without dates shows the last 90 days, today included, today being
 * the account's day (its time zone), not the browser's. The service applies it and answers the
 * range it used; the panel shows that range.
 */
export const DEFAULT_RANGE_DAYS = 90;
/** The longest range one listing may ask for (two years, a leap day included). */
export const MAX_RANGE_DAYS = 731;

/** The field of the range an admin types a problem belongs to, so the panel shows it there. */
export type RangeInputField = 'from' | 'to';

/** Why a range of days is refused, in words, on the field to correct. */
export interface RangeInputProblem {
    field: RangeInputField;
    message: string;
}

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
 * R8.2: what is wrong with listing `from` to `to`, one source for the service (which refuses with
 * this sentence) and the Sales Transactions panel (which says it on the date field before asking).
 */
export function rangeProblem(from: CalendarDate, to: CalendarDate): RangeInputProblem | undefined {
    const days = daysIncluded(from, to);
    if (days < 1)
        return { field: 'to', message: 'The "To" day is before the "From" day: choose a later one.' };
    if (days > MAX_RANGE_DAYS) {
        return {
            field: 'from',
            message: `A range covers at most ${MAX_RANGE_DAYS} days (two years): choose a later "From" day.`
        };
    }
    return undefined;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The days an admin picked in the panel's date fields (`YYYY-MM-DD`, as a date input gives them):
 * each must be given, then the range must be one the service lists. The service checks the
 * calendar itself.
 */
export function rangeInputProblems(from: string, to: string): RangeInputProblem[] {
    const days = { from: ISO_DAY.exec(from), to: ISO_DAY.exec(to) };
    const missing = (Object.keys(days) as RangeInputField[])
        .filter((field) => days[field] === null)
        .map((field) => ({ field, message: 'Choose a day.' }));
    if (missing.length > 0 || !days.from || !days.to) return missing;
    const day = (match: RegExpExecArray): CalendarDate => ({
        year: Number(match[1]),
        month: Number(match[2]),
        day: Number(match[3])
    });
    const problem = rangeProblem(day(days.from), day(days.to));
    return problem ? [problem] : [];
}
