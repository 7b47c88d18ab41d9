import { erlangB, serversForBlocking } from './erlangB';
import { flexPortPlanInputSchema, planFlexPorts } from './planFlexPorts';

describe('R2.8 Erlang B', () => {
    it('matches published table values', () => {
        expect(erlangB(1, 1)).toBeCloseTo(0.5, 10);
        expect(erlangB(2, 2)).toBeCloseTo(0.4, 10);
        // Standard Erlang B tables: 5 Erlangs on 10 servers → 1.84 % blocking.
        expect(erlangB(5, 10)).toBeCloseTo(0.01838, 5);
        expect(erlangB(0, 0)).toBe(1);
        expect(erlangB(0, 3)).toBe(0);
    });

    it('stays stable for large loads where factorials would overflow', () => {
        const blocking = erlangB(500, 550);
        expect(blocking).toBeGreaterThan(0);
        expect(blocking).toBeLessThan(0.02);
    });

    it('finds the fewest ports for a blocking target', () => {
        expect(serversForBlocking(1.25, 0.1)).toBe(3);
        expect(serversForBlocking(1.25, 0.01)).toBe(5);
    });
});

describe('R2.8 flex-port planner', () => {
    const companyX = { agents: 5, hoursPerDay: 6, voicemailShare: 0.4, inboundShare: 0.25, recordedShare: 0 };

    it('gives Company X two voicemail ports: 5 agents × 40 % = 2 Erlangs', () => {
        const plan = planFlexPorts({ ...companyX, inboundShare: 0 });
        expect(plan.voicemail).toEqual({ erlangs: 2, minimum: 2 });
        expect(plan.minimum).toBe(2);
        expect(plan.recommended).toBe(4);
        expect(plan.portHoursPerDay).toBeCloseTo(12, 10);
    });

    it('explains the documents\' "3 more" ports for Company X inbound', () => {
        const plan = planFlexPorts(companyX);
        // 5 agents × 25 % of their time on inbound = 1.25 Erlangs of inbound load.
        expect(plan.inbound.erlangs).toBeCloseTo(1.25, 10);
        // The bare minimum that carries the average is ceil(1.25) = 2 ports…
        expect(plan.inbound.minimum).toBe(2);
        // …but on 2 ports about a quarter of inbound calls would find every port busy:
        expect(erlangB(1.25, 2)).toBeCloseTo(0.258, 3);
        // 3 ports bring that under 10 % (9.7 %): the documents' "3 more" is the smallest count for a
        // caller to find a free port at least 9 times in 10, "not leaving callers on hold".
        expect(erlangB(1.25, 3)).toBeCloseTo(0.097, 3);
        expect(serversForBlocking(1.25, 0.1)).toBe(3);
        // So Company X: 2 (voicemail) + 3 (inbound) = 5 in the documents; our bare minimum is 2 + 2 = 4,
        // and the recommendation (minimum + 2) is 6, which covers the documents' 5.
        expect(plan.minimum).toBe(4);
        expect(plan.recommended).toBe(6);
        expect(plan.expectedConcurrent).toBeCloseTo(3.25, 10);
        // 3.25 Erlangs on 6 ports: about 6 % of port requests would find all busy.
        expect(plan.blockingAtRecommended).toBeCloseTo(erlangB(3.25, 6), 12);
        expect(plan.blockingAtRecommended).toBeGreaterThan(0.05);
        expect(plan.blockingAtRecommended).toBeLessThan(0.07);
    });

    it('adds recorded calls as their own load', () => {
        const plan = planFlexPorts({
            agents: 10,
            hoursPerDay: 8,
            voicemailShare: 0.3,
            inboundShare: 0,
            recordedShare: 0.5
        });
        expect(plan.voicemail.minimum).toBe(3);
        expect(plan.recording).toEqual({ erlangs: 5, minimum: 5 });
        expect(plan.recommended).toBe(10);
    });

    it('validates planner input with a shared zod schema', () => {
        expect(flexPortPlanInputSchema.safeParse(companyX).success).toBe(true);
        expect(flexPortPlanInputSchema.safeParse({ ...companyX, voicemailShare: 1.5 }).success).toBe(false);
        expect(flexPortPlanInputSchema.safeParse({ ...companyX, agents: 2.5 }).success).toBe(false);
    });
});
