import { erlangB, serversForBlocking } from './erlangB';
import type { FlexPortPlanInput } from './flexPortPlanInput';

/** Spare ports above the bare minimum (the documents' rule of thumb, R2.8). */
export const RECOMMENDED_SPARE_PORTS = 2;

/** Callers must not wait on hold: inbound and live recording are sized for under 10 % blocking (R2.8). */
export const LIVE_CALL_BLOCKING_TARGET = 0.1;

export interface PortDemand {
    /** Offered load: the average number of ports in use at once. */
    readonly erlangs: number;
    /** The bare minimum of ports for this use (R2.8). */
    readonly minimum: number;
    /** Erlang B: the share of this use's requests that find its `minimum` ports all busy. */
    readonly blocking: number;
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
    /** Erlang B blocking of the total load on the minimum ports, shared by every use. */
    readonly blockingAtMinimum: number;
    /** Erlang B blocking of the total load on the recommended ports. */
    readonly blockingAtRecommended: number;
    /** Port-hours used per working day (expected concurrent × hours). */
    readonly portHoursPerDay: number;
}

/** Erlang B of `erlangs` on `ports`; no load is never blocked (B(0, 0) = 1 says nothing here). */
function blockingOf(erlangs: number, ports: number): number {
    return erlangs > 0 ? erlangB(erlangs, ports) : 0;
}

/** Voicemail drops can wait for a port: the minimum carries the average load, ceil(erlangs). */
function waitingDemand(agents: number, shareOfTime: number): PortDemand {
    const erlangs = agents * shareOfTime;
    const minimum = Math.ceil(erlangs - 1e-9);
    return { erlangs, minimum, blocking: blockingOf(erlangs, minimum) };
}

/** A live caller cannot wait: the fewest ports that keep blocking under the target. */
function liveDemand(agents: number, shareOfTime: number): PortDemand {
    const erlangs = agents * shareOfTime;
    const minimum = erlangs > 0 ? serversForBlocking(erlangs, LIVE_CALL_BLOCKING_TARGET) : 0;
    return { erlangs, minimum, blocking: blockingOf(erlangs, minimum) };
}

/**
 * R2.8: each agent on the dialer for the working hours holds a port for the share of time spent
 * leaving voice messages, on inbound calls, and on recorded calls. The documents' Company X
 * (5 agents, 40 % voicemail, 25 % inbound) needs 2 + 3 = 5 ports at least; 7 are recommended.
 */
export function planFlexPorts(input: FlexPortPlanInput): FlexPortPlan {
    const voicemail = waitingDemand(input.agents, input.voicemailShare);
    const inbound = liveDemand(input.agents, input.inboundShare);
    const recording = liveDemand(input.agents, input.recordedShare);
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
        blockingAtMinimum: blockingOf(expectedConcurrent, minimum),
        blockingAtRecommended: blockingOf(expectedConcurrent, recommended),
        portHoursPerDay: expectedConcurrent * input.hoursPerDay
    };
}
