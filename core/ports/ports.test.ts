import { erlangB, serversForBlocking } from './erlangB';
import { flexPortPlanInputSchema } from './flexPortPlanInput';
import { planFlexPorts } from './planFlexPorts';

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

    it('gives Company X two voicemail ports: 5 agents × 40 % = 2 Erlangs, which can wait', () => {
        const plan = planFlexPorts({ ...companyX, inboundShare: 0 });
        expect(plan.voicemail).toMatchObject({ erlangs: 2, minimum: 2 });
        expect(plan.voicemail.blocking).toBeCloseTo(erlangB(2, 2), 12);
        expect(plan.inbound).toEqual({ erlangs: 0, minimum: 0, blocking: 0 });
        expect(plan.minimum).toBe(2);
        expect(plan.recommended).toBe(4);
        expect(plan.portHoursPerDay).toBeCloseTo(12, 10);
    });

    it("gives Company X the documents' 2 + 3 = 5 minimum and 7 recommended", () => {
        const plan = planFlexPorts(companyX);
        // 5 agents × 25 % of their time on inbound = 1.25 Erlangs of inbound load. On 2 ports about a
        // quarter of inbound callers would find every port busy; 3 ports bring that under 10 % (9.7 %).
        expect(plan.inbound.erlangs).toBeCloseTo(1.25, 10);
        expect(erlangB(1.25, 2)).toBeCloseTo(0.258, 3);
        expect(plan.inbound.minimum).toBe(3);
        expect(plan.inbound.blocking).toBeCloseTo(0.097, 3);
        expect(plan.voicemail.minimum).toBe(2);
        expect(plan.minimum).toBe(5);
        expect(plan.recommended).toBe(7);
        expect(plan.expectedConcurrent).toBeCloseTo(3.25, 10);
        expect(plan.blockingAtMinimum).toBeCloseTo(erlangB(3.25, 5), 12);
        expect(plan.blockingAtRecommended).toBeCloseTo(erlangB(3.25, 7), 12);
        expect(plan.blockingAtRecommended).toBeLessThan(plan.blockingAtMinimum);
        expect(plan.blockingAtRecommended).toBeLessThan(0.05);
    });

    it('sizes live recording like inbound, for under 10 % blocking', () => {
        const plan = planFlexPorts({
            agents: 10,
            hoursPerDay: 8,
            voicemailShare: 0.3,
            inboundShare: 0,
            recordedShare: 0.5
        });
        expect(plan.voicemail.minimum).toBe(3);
        expect(plan.recording.erlangs).toBe(5);
        expect(plan.recording.minimum).toBe(serversForBlocking(5, 0.1));
        expect(plan.recording.blocking).toBeLessThan(0.1);
        expect(erlangB(5, plan.recording.minimum - 1)).toBeGreaterThan(0.1);
        expect(plan.recommended).toBe(3 + plan.recording.minimum + 2);
    });

    it('needs no ports for no agents', () => {
        const plan = planFlexPorts({ ...companyX, agents: 0 });
        expect([plan.minimum, plan.recommended, plan.blockingAtMinimum]).toEqual([0, 2, 0]);
    });

    it('validates planner input with a shared zod schema', () => {
        expect(flexPortPlanInputSchema.safeParse(companyX).success).toBe(true);
        expect(flexPortPlanInputSchema.safeParse({ ...companyX, voicemailShare: 1.5 }).success).toBe(false);
        expect(flexPortPlanInputSchema.safeParse({ ...companyX, agents: 2.5 }).success).toBe(false);
    });
});
