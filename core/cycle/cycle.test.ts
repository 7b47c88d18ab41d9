import { BYTES_PER_MEGABYTE } from '../storage/storageFee';
import { computeCycleCharge } from './computeCycleCharge';
import { cyclePeriod, isCycleDay, previousCyclePeriod } from './cyclePeriod';

const PRICES = { CRM: 6500, DIALER_TAB: 2000, DIALER: 9500, RECORDING: 5000 };

describe('R4.1 cycle period', () => {
    it('names the month in the account time zone', () => {
        const newYearUtc = new Date('2027-01-01T02:00:00Z');
        expect(cyclePeriod(newYearUtc, 'UTC')).toBe('2027-01');
        expect(cyclePeriod(newYearUtc, 'America/Chicago')).toBe('2026-12');
        expect(isCycleDay(newYearUtc, 'UTC')).toBe(true);
        expect(isCycleDay(newYearUtc, 'America/Chicago')).toBe(false);
    });

    it('steps back across the year', () => {
        expect(previousCyclePeriod('2027-01')).toBe('2026-12');
        expect(previousCyclePeriod('2026-10')).toBe('2026-09');
    });
});

describe('R4.1 cycle charge', () => {
    const now = new Date('2026-12-01T14:00:00Z');

    it('bills each license quantity × contracted price plus last month storage fee', () => {
        const charge = computeCycleCharge({
            now,
            timeZone: 'America/New_York',
            quantities: { CRM: 8, DIALER_TAB: 4, DIALER: 4, RECORDING: 1, FAX: 0 },
            prices: PRICES,
            lastMonthStorage: {
                users: 8,
                usage: {
                    records: 300 * BYTES_PER_MEGABYTE,
                    filesAndRecordings: 200 * BYTES_PER_MEGABYTE,
                    dataLists: 0
                }
            }
        });
        expect(charge.period).toBe('2026-12');
        expect(charge.storagePeriod).toBe('2026-11');
        expect(
            charge.lines.map((line) => [line.product, line.quantity, line.unitPrice, line.amount])
        ).toEqual([
            ['CRM', 8, 6500, 52000],
            ['DIALER_TAB', 4, 2000, 8000],
            ['DIALER', 4, 9500, 38000],
            ['RECORDING', 1, 5000, 5000],
            ['STORAGE', 1, 3000, 3000]
        ]);
        expect(charge.total).toBe(106000);
        // The lines name the months as a person reads them on the bill, not as `2026-12`.
        expect(charge.lines.map((line) => line.description)).toEqual([
            'CRM (December 2026)',
            'Dialer Tab (December 2026)',
            'Dialer (PowerDialer) (December 2026)',
            'Recording and Monitoring (December 2026)',
            'Storage over the allowance (November 2026): 1 GB started'
        ]);
    });

    it('adds no storage line within the allowance or when storage was not measured', () => {
        const base = { now, timeZone: 'UTC', quantities: { CRM: 8 }, prices: PRICES };
        const within = computeCycleCharge({
            ...base,
            lastMonthStorage: { users: 8, usage: { records: 1, filesAndRecordings: 0, dataLists: 0 } }
        });
        expect(within.lines.map((line) => line.kind)).toEqual(['license']);
        expect(computeCycleCharge({ ...base, lastMonthStorage: null }).total).toBe(52000);
    });

    it('refuses to bill a license the account has no price for', () => {
        expect(() =>
            computeCycleCharge({
                now,
                timeZone: 'UTC',
                quantities: { FAX: 1 },
                prices: PRICES,
                lastMonthStorage: null
            })
        ).toThrow(expect.objectContaining({ code: 'price_missing' }) as Error);
    });
});
