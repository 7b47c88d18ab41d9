import { calendarDateIn, daysInMonth } from '../calendar/calendarDate';
import type { CalendarDate } from '../calendar/calendarDate';
import type { Cents } from '../money/cents';
import { roundHalfUp } from '../money/roundHalfUp';

export interface ProrationDays {
    /** The calendar date of `now` in the account's time zone. */
    readonly today: CalendarDate;
    /** Days left in the billing month, today included (1 on the last day, the whole month on the 1st). */
    readonly daysLeft: number;
    readonly daysInMonth: number;
}

export interface Proration extends ProrationDays {
    readonly amount: Cents;
}

/** Counts calendar days in the account's time zone, so a DST change day is one day like any other. */
export function prorationDays(now: Date, timeZone: string): ProrationDays {
    const today = calendarDateIn(now, timeZone);
    const length = daysInMonth(today.year, today.month);
    return { today, daysLeft: length - today.day + 1, daysInMonth: length };
}

/** R3.4, the one proration of the system: `unit price × added × days left ÷ days in month`, rounded half-up. */
export function prorate(input: {
    unitPrice: Cents;
    quantity: number;
    now: Date;
    timeZone: string;
}): Proration {
    const days = prorationDays(input.now, input.timeZone);
    const amount = roundHalfUp(
        BigInt(input.unitPrice) * BigInt(input.quantity) * BigInt(days.daysLeft),
        days.daysInMonth
    );
    return { ...days, amount };
}
