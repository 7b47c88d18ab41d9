import { z } from 'zod';
import { erlangB } from './erlangB';

const share = z.number().min(0).max(1);

export const flexPortPlanInputSchema = z.object({
    agents: z.number().int().min(0).max(10_000),
    hoursPerDay: z.number().min(0).max(24),
    voicemailShare: share,
    inboundShare: share,
    recordedShare: share
});
export type FlexPortPlanInput = z.infer<typeof flexPortPlanInputSchema>;

/** Spare ports above the bare minimum (the documents' rule of thumb, R2.8). */
export const RECOMMENDED_SPARE_PORTS = 2;

export interface PortDemand {
    /** Offered load: the average number of ports in use at once. */
    readonly erlangs: number;
    /** ceil(erlangs): fewer ports cannot carry the average load. */
    readonly minimum: number;
}

export interface FlexPortPlan {
    readonly voicemail: PortDemand;
    readonly inbound: PortDemand;
    readonly recording: PortDemand;
    /** Sum of the three loads: expected concurrent ports. */
    readonly expectedConcurrent: number;
    /** Sum of each part's minimum. */
    readonly minimum: number;
    readonly recommended: number;
    /** Erlang B blocking of the total load on the recommended ports. */
    readonly blockingAtRecommended: number;
    /** Port-hours used per working day (expected concurrent × hours). */
    readonly portHoursPerDay: number;
}

function demand(agents: number, shareOfTime: number): PortDemand {
    const erlangs = agents * shareOfTime;
    return { erlangs, minimum: Math.ceil(erlangs - 1e-9) };
}

/**
 * R2.8: each agent on the dialer for the working hours holds a port for the share of time spent
 * leaving voice messages, on inbound calls, and on recorded calls; as in the documents' Company X
 * (5 agents, 40 % voicemail → 2 ports).
 */
export function planFlexPorts(input: FlexPortPlanInput): FlexPortPlan {
    const voicemail = demand(input.agents, input.voicemailShare);
    const inbound = demand(input.agents, input.inboundShare);
    const recording = demand(input.agents, input.recordedShare);
    const expectedConcurrent = voicemail.erlangs + inbound.erlangs + recording.erlangs;
    const minimum = voicemail.minimum + inbound.minimum + recording.minimum;
    const recommended = minimum + RECOMMENDED_SPARE_PORTS;
    return {
        voicemail,
        inbound,
        recording,
        expectedConcurrent,
        minimum,
        recommended,
        blockingAtRecommended: erlangB(expectedConcurrent, recommended),
        portHoursPerDay: expectedConcurrent * input.hoursPerDay
    };
}
