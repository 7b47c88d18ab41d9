import {
    addMonths,
    calendarDateIn,
    compareDates,
    contractEndDate,
    firstOfMonth,
    LICENSE_CATALOG,
    LICENSE_CODES,
    parseIsoDate,
    prorate,
    startOfDayInstant,
    toIsoDate,
    type IsoDate,
    type LicenseCode,
    type LicensePrices,
    type LicenseQuantities
} from '../../../core/index';
import type { PurchaseLine } from '../transactions/recordPurchase';
import { opsError } from './opsError';

/** A term: its first day and either a length (6 or 12 months) or its last day, both included. */
export interface TermInput {
    start: IsoDate;
    months?: number | undefined;
    end?: IsoDate | undefined;
}

export interface LicenseTermsInput {
    quantity?: number | undefined;
    floor?: number | undefined;
    unitPriceCents?: number | undefined;
}

/** A contract as it will be stored: term, floors (R3.2) and contracted prices (R3.6) per license. */
export interface PlannedContract {
    start: IsoDate;
    end: IsoDate;
    floors: LicenseQuantities;
    prices: LicensePrices;
}

export function resolveTerm(term: TermInput): { start: IsoDate; end: IsoDate } {
    if ((term.months === undefined) === (term.end === undefined)) {
        throw opsError(
            'term_invalid',
            'Give the term either as a number of months (6 or 12) or as an end date.'
        );
    }
    const end = term.end ?? contractEndDate(term.start, term.months ?? 12);
    if (compareDates(parseIsoDate(end), parseIsoDate(term.start)) < 0) {
        throw opsError('term_invalid', `The term cannot end (${end}) before it starts (${term.start}).`);
    }
    return { start: term.start, end };
}

/** Floors and prices of every license named (a license without a price gets its list price). */
export function contractLicenses(
    licenses: Partial<Record<LicenseCode, LicenseTermsInput>>,
    base: { floors: LicenseQuantities; prices: LicensePrices } = { floors: {}, prices: {} }
): { floors: LicenseQuantities; prices: LicensePrices } {
    const floors: LicenseQuantities = { ...base.floors };
    const prices: LicensePrices = { ...base.prices };
    for (const code of LICENSE_CODES) {
        const terms = licenses[code];
        if (terms === undefined) continue;
        floors[code] = terms.floor ?? floors[code] ?? 0;
        prices[code] = terms.unitPriceCents ?? prices[code] ?? LICENSE_CATALOG[code].listPrice;
    }
    return { floors, prices };
}

/** R3.2: a quantity below its floor is refused, naming both. */
export function checkQuantitiesMeetFloors(quantities: LicenseQuantities, floors: LicenseQuantities): void {
    for (const code of LICENSE_CODES) {
        const floor = floors[code] ?? 0;
        const quantity = quantities[code] ?? 0;
        if (quantity < floor) {
            throw opsError(
                'quantity_below_floor',
                `${LICENSE_CATALOG[code].name}: ${quantity} is below the contract floor of ${floor}; raise the quantity or lower the floor.`,
                { license: code, quantity, floor }
            );
        }
    }
}

/**
 * R3.4 for a new account, as the cycle would bill it: the current billing month prorated from the
 * term's start day (or from the 1st when the term began in an earlier month). A term starting on
 * the 1st of next month is billed in full by that cycle, so nothing is charged now; a later start
 * is refused (the cycle bills every account in service from the next 1st).
 */
export function firstMonthLines(input: {
    now: Date;
    timeZone: string;
    start: IsoDate;
    quantities: LicenseQuantities;
    prices: LicensePrices;
}): PurchaseLine[] {
    const today = calendarDateIn(input.now, input.timeZone);
    const monthStart = firstOfMonth(today);
    const nextMonth = addMonths(monthStart, 1);
    const start = parseIsoDate(input.start);
    if (compareDates(start, nextMonth) === 0) return [];
    if (compareDates(start, nextMonth) > 0) {
        throw opsError(
            'term_start_too_late',
            `A new account's term must start by ${toIsoDate(nextMonth)} (the next cycle); ${input.start} is later.`
        );
    }
    const from = compareDates(start, monthStart) < 0 ? monthStart : start;
    const fromInstant = startOfDayInstant(from, input.timeZone);
    const lines: PurchaseLine[] = [];
    for (const code of LICENSE_CODES) {
        const quantity = input.quantities[code] ?? 0;
        const unitPrice = input.prices[code] ?? LICENSE_CATALOG[code].listPrice;
        if (quantity === 0 || unitPrice === 0) continue;
        const proration = prorate({ unitPrice, quantity, now: fromInstant, timeZone: input.timeZone });
        lines.push({
            productCode: code,
            description: `${LICENSE_CATALOG[code].name}, first month (${proration.daysLeft} of ${proration.daysInMonth} days)`,
            quantity,
            unitPriceCents: unitPrice,
            prorationDays: { days: proration.daysLeft, daysInMonth: proration.daysInMonth },
            amountCents: proration.amount
        });
    }
    return lines;
}
