import { z } from 'zod';
import {
    addDays,
    addMonths,
    compareDates,
    isoDateSchema,
    parseIsoDate,
    toIsoDate
} from '../calendar/calendarDate';
import type { CalendarDate, IsoDate } from '../calendar/calendarDate';
import type { LicenseCode } from '../catalog/licenses';
import { licenseQuantitiesSchema, quantityOf } from '../licenses/schemas';
import type { LicenseQuantities } from '../licenses/schemas';

/** A service contract: its term (first and last day, inclusive, account time zone) and per-license floors (R3.2). */
export interface Contract {
    readonly start: IsoDate;
    readonly end: IsoDate;
    readonly floors: LicenseQuantities;
}

export const contractSchema = z
    .object({ start: isoDateSchema, end: isoDateSchema, floors: licenseQuantitiesSchema })
    .refine((contract) => contract.end >= contract.start, {
        message: 'the term must end on or after its start',
        path: ['end']
    });

/** The last day of a term of `termMonths` from `start`: a 12-month term from 2026-01-15 ends 2027-01-14. */
export function contractEndDate(start: IsoDate, termMonths: number): IsoDate {
    return toIsoDate(addDays(addMonths(parseIsoDate(start), termMonths), -1));
}

export function isInTerm(contract: Contract, today: CalendarDate): boolean {
    return compareDates(today, parseIsoDate(contract.end)) <= 0;
}

/** The floor binding `license` today: 0 without a contract or after its term. */
export function floorOf(contract: Contract | null, license: LicenseCode, today: CalendarDate): number {
    if (contract === null || !isInTerm(contract, today)) return 0;
    return quantityOf(contract.floors, license);
}
