import fc from 'fast-check';
import { startOfDayInstant } from '../calendar/calendarDate';
import type { Contract } from '../contract/contract';
import { errorsOf } from '../testing/errorsOf';
import { planQuantityChange } from './planQuantityChange';
import type { QuantityChangeInput } from './planQuantityChange';

const TIME_ZONE = 'America/Los_Angeles';
const PRICES = { CRM: 6500, DIALER_TAB: 2000, DIALER: 9500, FLEX_PORT: 4500, ELF: 3000, RECORDING: 5000 };
const CONTRACT: Contract = { start: '2026-07-01', end: '2027-06-30', floors: { CRM: 10, DIALER: 5 } };

function at(isoDate: string): Date {
    const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
    return new Date(startOfDayInstant({ year, month, day }, TIME_ZONE).getTime() + 10 * 3600 * 1000);
}

function input(overrides: Partial<QuantityChangeInput>): QuantityChangeInput {
    return {
        now: at('2026-11-22'),
        timeZone: TIME_ZONE,
        prices: PRICES,
        current: { CRM: 12, DIALER_TAB: 6, DIALER: 6, FLEX_PORT: 2 },
        requested: {},
        contract: CONTRACT,
        holders: { CRM: 11, DIALER_TAB: 8, DIALER: 6 },
        ...overrides
    };
}

describe('R3.1 quantity change preview', () => {
    it('shows the charge now, the new licenses, and the new monthly recurring total', () => {
        const result = planQuantityChange(input({ requested: { CRM: 15, FLEX_PORT: 3 } }));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const plan = result.value;
        // November 22 → 9 of 30 days. CRM: 3 × $65 × 9/30 = $58.50. Flex: 1 × $45 × 9/30 = $13.50.
        expect(plan.lines).toEqual([
            expect.objectContaining({
                license: 'CRM',
                currentQuantity: 12,
                newQuantity: 15,
                added: 3,
                prorationDays: 9,
                daysInMonth: 30,
                chargeNow: 5850,
                monthlyTotal: 97500
            }),
            expect.objectContaining({ license: 'FLEX_PORT', added: 1, chargeNow: 1350, monthlyTotal: 13500 })
        ]);
        expect(plan.chargeNow).toBe(7200);
        // Before: 12×65 + 6×20 + 6×95 + 2×45 = 780 + 120 + 570 + 90 = $1,560. After: +3×65 +45 = $1,800.
        expect(plan.previousMonthlyRecurringTotal).toBe(156000);
        expect(plan.monthlyRecurringTotal).toBe(180000);
        expect(plan).toMatchObject({ today: '2026-11-22', nextCycleDate: '2026-12-01' });
    });

    it('lists only the licenses whose quantity changes', () => {
        const result = planQuantityChange(input({ requested: { CRM: 12, ELF: 2 } }));
        expect(result.ok && result.value.lines.map((line) => line.license)).toEqual(['ELF']);
    });
});

describe('R3.4 proration per line in the quantity change', () => {
    it('rounds each line half-up on its own', () => {
        // December 22 in Los Angeles: 10 of 31 days. ELF: 1 × $30 × 10/31 = 967.74… → $9.68.
        const result = planQuantityChange(input({ now: at('2026-12-22'), requested: { ELF: 1 } }));
        expect(result.ok && result.value.chargeNow).toBe(968);
    });

    it('charges one day on December 31st in Los Angeles although UTC is already January 1st', () => {
        // 2027-01-01 07:30 UTC is 2026-12-31 23:30 in Los Angeles.
        const lastEvening = new Date('2027-01-01T07:30:00Z');
        const result = planQuantityChange(input({ now: lastEvening, requested: { ELF: 1 } }));
        expect(result.ok && result.value.lines[0]).toMatchObject({
            prorationDays: 1,
            daysInMonth: 31,
            chargeNow: 97
        });
    });
});

describe('R3.5 removals earn no credit', () => {
    it('charges nothing now and lowers the monthly total from the next cycle', () => {
        const result = planQuantityChange(input({ requested: { CRM: 11, FLEX_PORT: 0 } }));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.value.chargeNow).toBe(0);
        expect(result.value.lines).toEqual([
            expect.objectContaining({
                license: 'CRM',
                removed: 1,
                added: 0,
                chargeNow: 0,
                prorationDays: 0,
                monthlyTotal: 71500
            }),
            expect.objectContaining({ license: 'FLEX_PORT', removed: 2, chargeNow: 0, monthlyTotal: 0 })
        ]);
        expect(result.value.monthlyRecurringTotal).toBe(156000 - 6500 - 9000);
    });
});

describe('R3.5 licenses removed this month stay paid until the next cycle', () => {
    it('charges only the licenses above what this month already paid for when some are added back', () => {
        // CRM was 15 on November 1 (paid by the cycle), lowered to 12; now raised to 16.
        const result = planQuantityChange(
            input({ requested: { CRM: 16, FLEX_PORT: 3 }, paidThisMonth: { CRM: 15 } })
        );
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        // 1 CRM above the 15 paid: $65 × 9/30 = $19.50; FLEX_PORT has no earlier payment: 1 × $45 × 9/30.
        expect(result.value.lines).toEqual([
            expect.objectContaining({
                license: 'CRM',
                added: 4,
                charged: 1,
                chargeNow: 1950,
                prorationDays: 9
            }),
            expect.objectContaining({ license: 'FLEX_PORT', added: 1, charged: 1, chargeNow: 1350 })
        ]);
        const back = planQuantityChange(input({ requested: { CRM: 15 }, paidThisMonth: { CRM: 15 } }));
        expect(back.ok && back.value.lines).toEqual([
            expect.objectContaining({ license: 'CRM', added: 3, charged: 0, chargeNow: 0, prorationDays: 0 })
        ]);
    });
});

describe('R3.2 contract floors', () => {
    it('refuses going below a floor during the term, naming the floor and the term end', () => {
        const errors = errorsOf(planQuantityChange(input({ requested: { DIALER: 4 } })));
        expect(errors).toHaveLength(1);
        expect(errors[0]).toMatchObject({
            code: 'license_floor',
            httpStatus: 422,
            details: { license: 'DIALER', floor: 5, termEnd: '2027-06-30' }
        });
        expect(errors[0]!.message).toBe(
            'Dialer (PowerDialer) cannot go below 5: your contract requires at least 5 until June 30, 2027.'
        );
    });

    it('allows going down to the floor itself, and below it after the term', () => {
        expect(planQuantityChange(input({ requested: { DIALER: 5 } })).ok).toBe(true);
        expect(planQuantityChange(input({ now: at('2027-07-01'), requested: { DIALER: 4 } })).ok).toBe(true);
        expect(planQuantityChange(input({ now: at('2027-06-30'), requested: { DIALER: 4 } })).ok).toBe(false);
    });
});

describe('R3.3 quantity cannot go below the holders of a per-user license', () => {
    it('refuses, naming how many users hold it', () => {
        const errors = errorsOf(planQuantityChange(input({ contract: null, requested: { CRM: 10 } })));
        expect(errors[0]).toMatchObject({
            code: 'quantity_below_holders',
            details: { license: 'CRM', requested: 10, holders: 11 }
        });
        expect(errors[0]!.message).toBe(
            'CRM cannot go below 11: 11 users hold it. Unassign it from 1 of them first.'
        );
    });

    it('does not bind pooled licenses, which more users may hold than the quantity', () => {
        expect(planQuantityChange(input({ requested: { DIALER_TAB: 5 } })).ok).toBe(true);
    });

    it('reports every refusal at once', () => {
        const errors = errorsOf(planQuantityChange(input({ requested: { CRM: 9, DIALER: 1 } })));
        expect(errors.map((error) => `${error.code}:${String(error.details?.license)}`)).toEqual([
            'license_floor:CRM',
            'quantity_below_holders:CRM',
            'license_floor:DIALER'
        ]);
    });
});

describe('R3.6 contracted prices', () => {
    it('uses the account price and refuses a license the account has no price for', () => {
        const cheap = planQuantityChange(
            input({ prices: { ...PRICES, CRM: 5000 }, current: { CRM: 12 }, requested: { CRM: 13 } })
        );
        expect(cheap.ok && cheap.value.monthlyRecurringTotal).toBe(65000);
        const errors = errorsOf(planQuantityChange(input({ requested: { FAX: 1 } })));
        expect(errors[0]).toMatchObject({ code: 'price_missing', details: { license: 'FAX' } });
    });

    it('keeps a one-per-account feature at 0 or 1', () => {
        const errors = errorsOf(planQuantityChange(input({ requested: { RECORDING: 2 } })));
        expect(errors[0]).toMatchObject({ code: 'invalid_quantity', details: { license: 'RECORDING' } });
    });
});

describe('R3.1 quantity input', () => {
    it.each([-1, 2.5, 100_001, Number.NaN])('refuses the quantity %p, naming the license', (requested) => {
        const errors = errorsOf(
            planQuantityChange(input({ contract: null, holders: {}, requested: { ELF: requested } }))
        );
        expect(errors).toHaveLength(1);
        expect(errors[0]).toMatchObject({
            code: 'invalid_quantity',
            httpStatus: 400,
            details: { license: 'ELF' }
        });
    });
});

describe('R3.4 quantity change properties', () => {
    const codes = ['CRM', 'DIALER_TAB', 'DIALER', 'FLEX_PORT', 'ELF'] as const;
    const quantities = fc.record(
        Object.fromEntries(codes.map((code) => [code, fc.integer({ min: 0, max: 500 })])) as Record<
            (typeof codes)[number],
            fc.Arbitrary<number>
        >
    );

    it('charges now at most the added monthly amount, exactly it on the 1st, never negative, and sums its lines', () => {
        fc.assert(
            fc.property(
                quantities,
                quantities,
                fc.integer({ min: 1, max: 28 }),
                fc.constantFrom(0, 1, 2),
                (current, requested, day, monthOffset) => {
                    const result = planQuantityChange(
                        input({
                            now: at(`2026-0${1 + monthOffset}-${String(day).padStart(2, '0')}`),
                            current,
                            requested,
                            contract: null,
                            holders: {}
                        })
                    );
                    expect(result.ok).toBe(true);
                    if (!result.ok) return;
                    const plan = result.value;
                    const addedMonthly = plan.lines.reduce(
                        (total, line) => total + line.added * line.unitPrice,
                        0
                    );
                    expect(plan.chargeNow).toBe(
                        plan.lines.reduce((total, line) => total + line.chargeNow, 0)
                    );
                    expect(plan.chargeNow).toBeGreaterThanOrEqual(0);
                    expect(plan.chargeNow).toBeLessThanOrEqual(addedMonthly);
                    if (day === 1) expect(plan.chargeNow).toBe(addedMonthly);
                    expect(plan.monthlyRecurringTotal - plan.previousMonthlyRecurringTotal).toBe(
                        plan.lines.reduce(
                            (total, line) =>
                                total + (line.newQuantity - line.currentQuantity) * line.unitPrice,
                            0
                        )
                    );
                }
            ),
            { numRuns: 200 }
        );
    });
});
