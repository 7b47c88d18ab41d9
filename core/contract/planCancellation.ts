import {
    addMonths,
    calendarDateIn,
    compareDates,
    firstOfMonth,
    parseIsoDate,
    toIsoDate
} from '../calendar/calendarDate';
import type { IsoDate } from '../calendar/calendarDate';
import { monthlyRecurring } from '../licenses/monthlyRecurring';
import type { LicensePrices, LicenseQuantities } from '../licenses/schemas';
import { multiplyCents } from '../money/cents';
import type { Cents } from '../money/cents';
import { isInTerm } from './contract';
import type { Contract } from './contract';

export interface CancellationInput {
    readonly now: Date;
    readonly timeZone: string;
    readonly contract: Contract | null;
    readonly quantities: LicenseQuantities;
    readonly prices: LicensePrices;
}

export interface CancellationPlan {
    /** The last day of service: the term's end, or today without a contract in force (R4.3). */
    readonly effectiveDate: IsoDate;
    /** Cycles still billed (1sts of a month after today, up to the effective date); this month is already billed. */
    readonly remainingCycles: number;
    readonly monthlyAtFloors: Cents;
    readonly monthlyAtCurrentQuantities: Cents;
    /**
     * What remains owed under the terms: the floors × remaining cycles. The floors are what the
     * contract commits to; the admin may lower quantities to them before the cycles run (R3.2, R3.5).
     */
    readonly remainingOwed: Cents;
    /** What the remaining cycles bill if the quantities are left as they are. */
    readonly remainingIfUnchanged: Cents;
}

/** R4.3: cancelling takes effect at the end of the contract term; the answer shows that date and what remains owed. */
export function planCancellation(input: CancellationInput): CancellationPlan {
    const today = calendarDateIn(input.now, input.timeZone);
    const monthlyAtCurrentQuantities = monthlyRecurring(input.quantities, input.prices).total;
    if (input.contract === null || !isInTerm(input.contract, today)) {
        return {
            effectiveDate: toIsoDate(today),
            remainingCycles: 0,
            monthlyAtFloors: 0,
            monthlyAtCurrentQuantities,
            remainingOwed: 0,
            remainingIfUnchanged: 0
        };
    }
    const end = parseIsoDate(input.contract.end);
    let remainingCycles = 0;
    for (
        let cycle = addMonths(firstOfMonth(today), 1);
        compareDates(cycle, end) <= 0;
        cycle = addMonths(cycle, 1)
    ) {
        remainingCycles += 1;
    }
    const monthlyAtFloors = monthlyRecurring(input.contract.floors, input.prices).total;
    return {
        effectiveDate: input.contract.end,
        remainingCycles,
        monthlyAtFloors,
        monthlyAtCurrentQuantities,
        remainingOwed: multiplyCents(monthlyAtFloors, remainingCycles),
        remainingIfUnchanged: multiplyCents(monthlyAtCurrentQuantities, remainingCycles)
    };
}
