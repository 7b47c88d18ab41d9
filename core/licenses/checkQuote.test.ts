import { unwrap } from '../errors';
import { checkQuote } from './checkQuote';
import { planQuantityChange, type QuantityChangeInput } from './planQuantityChange';

const INPUT: QuantityChangeInput = {
    now: new Date('2026-11-23T07:59:00Z'), // 23:59 on November 22 in Los Angeles
    timeZone: 'America/Los_Angeles',
    prices: { CRM: 6500 },
    current: { CRM: 5 },
    requested: { CRM: 7 },
    contract: null,
    holders: { CRM: 5 },
    paidThisMonth: {}
};

describe('R3.1 R9 consent bound to the amount shown', () => {
    it('lets the change through when the charge and the monthly total are what the admin saw', () => {
        const plan = unwrap(planQuantityChange(INPUT));
        expect(checkQuote(plan, plan)).toBeUndefined();
    });

    it('refuses with the new figures when a preview at 23:59 is applied at 00:01 (another proration)', () => {
        const seen = unwrap(planQuantityChange(INPUT));
        const now = unwrap(planQuantityChange({ ...INPUT, now: new Date('2026-11-23T08:01:00Z') }));
        // 2 × $65.00 × 9/30 = $39.00 on the 22nd; × 8/30 = $34.67 on the 23rd.
        expect([seen.chargeNow, now.chargeNow]).toEqual([3900, 3467]);
        const refusal = checkQuote(now, {
            chargeNow: seen.chargeNow,
            monthlyRecurringTotal: seen.monthlyRecurringTotal
        });
        expect(refusal?.httpStatus).toBe(409);
        expect(refusal?.toJSON()).toEqual({
            code: 'quote_changed',
            message: expect.stringContaining('$34.67') as string,
            details: {
                chargeNow: 3467,
                monthlyRecurringTotal: seen.monthlyRecurringTotal,
                quotedChargeNow: 3900,
                quotedMonthlyRecurringTotal: seen.monthlyRecurringTotal
            }
        });
        expect(refusal?.message).toContain('Nothing was charged');
    });

    it('refuses a different monthly total even when the charge now is the same', () => {
        const plan = unwrap(planQuantityChange(INPUT));
        expect(checkQuote(plan, { chargeNow: plan.chargeNow, monthlyRecurringTotal: 1 })?.code).toBe(
            'quote_changed'
        );
    });
});
