import {
    LICENSE_CODES,
    planQuantityChange,
    startOfDayInstant,
    type QuantityChangeInput
} from '../core/index';
import { measureSync, printComparison } from './measure';

const TIME_ZONE = 'America/Los_Angeles';

/** (d) core planQuantityChange (proration of every changed line, floors, holders) against a trivial loop. */
export function benchCore(options: { durationMs: number }): void {
    const input: QuantityChangeInput = {
        now: new Date(
            startOfDayInstant({ year: 2026, month: 11, day: 22 }, TIME_ZONE).getTime() + 10 * 3_600_000
        ),
        timeZone: TIME_ZONE,
        prices: { CRM: 6500, DIALER_TAB: 2000, DIALER: 9500, FLEX_PORT: 4500, ELF: 3000, RECORDING: 5000 },
        current: { CRM: 12, DIALER_TAB: 6, DIALER: 6, FLEX_PORT: 2 },
        requested: { CRM: 15, DIALER: 7, FLEX_PORT: 3 },
        contract: { start: '2026-07-01', end: '2027-06-30', floors: { CRM: 10, DIALER: 5 } },
        holders: { CRM: 11, DIALER_TAB: 6, DIALER: 6 }
    };
    const baseline = measureSync(options.durationMs, () => {
        let total = 0;
        for (const code of LICENSE_CODES) total += (input.current[code] ?? 0) * (input.prices[code] ?? 0);
        return total;
    });
    const subject = measureSync(options.durationMs, () => {
        const plan = planQuantityChange(input);
        if (!plan.ok) throw new Error('the benchmark plan was refused');
        return plan;
    });
    printComparison(
        '(d) core planQuantityChange vs trivial loop',
        `one thread; ${options.durationMs / 1000} s per side; 3 of 12 licenses changed`,
        { label: 'loop over the 12 license codes: quantity × price', measurement: baseline },
        { label: 'planQuantityChange (3 lines prorated, floors, holders)', measurement: subject },
        'calls'
    );
}
