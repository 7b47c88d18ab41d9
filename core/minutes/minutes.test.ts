import fc from 'fast-check';
import { authorizeCall } from './authorizeCall';
import { computeRechargePlan, rechargeWindow, shouldRecharge } from './computeRechargePlan';
import { planManualPurchase } from './manualPurchase';
import { centsToMinutes } from './minuteRate';
import { billableCallMinutes, minutesToCents, rateCall, rateSms, rateUsage } from './rateUsage';

describe('R5.1 rating calls and SMS', () => {
    it('converts $100 to 5,000 minutes and back', () => {
        expect(centsToMinutes(10000)).toBe(5000);
        expect(minutesToCents(5000)).toBe(10000);
        expect(centsToMinutes(10001)).toBe(5000);
    });

    it('bills calls per started minute at 2 cents', () => {
        expect(billableCallMinutes(0)).toBe(0);
        expect(billableCallMinutes(1)).toBe(1);
        expect(billableCallMinutes(60)).toBe(1);
        expect(billableCallMinutes(61)).toBe(2);
        expect(rateCall(125)).toBe(6);
        expect(() => rateCall(-1)).toThrow(expect.objectContaining({ code: 'invalid_input' }) as Error);
    });

    it("bills SMS at the account's rate per message", () => {
        expect(rateSms(3, 5)).toBe(15);
        expect(rateUsage({ kind: 'sms', messages: 2 }, 4)).toBe(8);
        expect(rateUsage({ kind: 'call', seconds: 59 }, 4)).toBe(2);
    });

    it('never rates usage below zero, and a longer call never costs less', () => {
        fc.assert(
            fc.property(
                fc.integer({ min: 0, max: 86_400 }),
                fc.integer({ min: 0, max: 600 }),
                (seconds, extra) => {
                    expect(rateCall(seconds)).toBeGreaterThanOrEqual(0);
                    expect(rateCall(seconds + extra)).toBeGreaterThanOrEqual(rateCall(seconds));
                }
            )
        );
    });
});

describe('R5.2 manual purchase', () => {
    it('accepts $100.00 (5,000 minutes) and more', () => {
        expect(planManualPurchase(10000)).toEqual({ ok: true, value: { amount: 10000, minutes: 5000 } });
        expect(planManualPurchase(25050)).toEqual({ ok: true, value: { amount: 25050, minutes: 12525 } });
    });

    it('refuses less than $100.00 with minimum_purchase', () => {
        const result = planManualPurchase(9999);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.errors[0]).toMatchObject({ code: 'minimum_purchase', httpStatus: 422 });
        expect(result.errors[0]!.message).toBe(
            'A purchase of dialer minutes is at least $100.00 (5,000 minutes).'
        );
    });
});

describe('R5.3 automatic recharge amounts', () => {
    it('turns about $30 a week of usage into a recharge of about $60 and a threshold of about $30', () => {
        // $128.57 over 30 days = $4.2857 a day ≈ $30 a week.
        expect(computeRechargePlan(12857)).toEqual({
            dailyAverage: 429,
            rechargeAmount: 6000,
            threshold: 3000
        });
    });

    it('computes from the exact 30-day usage, rounding half-up once', () => {
        // 100 cents: × 14 / 30 = 46.67 → 47; × 7 / 30 = 23.33 → 23; ÷ 30 = 3.33 → 3.
        expect(computeRechargePlan(100)).toEqual({ dailyAverage: 3, rechargeAmount: 47, threshold: 23 });
        // 15 cents × 7 / 30 = 3.5 → 4 (half-up).
        expect(computeRechargePlan(15).threshold).toBe(4);
        expect(computeRechargePlan(0)).toEqual({ dailyAverage: 0, rechargeAmount: 0, threshold: 0 });
    });

    it('has no $100 minimum: a small account recharges a small amount', () => {
        expect(computeRechargePlan(3000).rechargeAmount).toBe(1400);
    });

    it('keeps the threshold at half the recharge amount (within a cent) for any usage', () => {
        fc.assert(
            fc.property(fc.integer({ min: 0, max: 1e12 }), (usage) => {
                const plan = computeRechargePlan(usage);
                expect(Math.abs(plan.rechargeAmount - 2 * plan.threshold)).toBeLessThanOrEqual(1);
                expect(plan.threshold).toBeGreaterThanOrEqual(0);
            })
        );
    });

    it('reads usage over the 30 calendar days before today in the account time zone', () => {
        const window = rechargeWindow(new Date('2026-11-22T15:00:00Z'), 'America/New_York');
        expect(window).toEqual({
            firstDay: '2026-10-23',
            lastDay: '2026-11-21',
            from: new Date('2026-10-23T04:00:00Z'),
            to: new Date('2026-11-22T05:00:00Z')
        });
    });
});

describe('R5.4 when to recharge', () => {
    it('recharges only when on, below the threshold, and none in flight', () => {
        expect(shouldRecharge(2999, 3000, true, false)).toBe(true);
        expect(shouldRecharge(3000, 3000, true, false)).toBe(false);
        expect(shouldRecharge(100, 3000, false, false)).toBe(false);
        expect(shouldRecharge(100, 3000, true, true)).toBe(false);
        expect(shouldRecharge(0, 0, true, false)).toBe(false);
    });
});

describe('R5.5 out of dialer minutes', () => {
    it('lets a call start while a minute is paid for, and refuses once spent', () => {
        expect(authorizeCall(2)).toEqual({ ok: true, value: { minutesAvailable: 1 } });
        for (const balance of [1, 0, -4]) {
            const result = authorizeCall(balance);
            expect(result.ok).toBe(false);
            if (!result.ok)
                expect(result.errors[0]).toMatchObject({ code: 'out_of_minutes', httpStatus: 402 });
        }
    });
});
