import { z } from 'zod';

const share = z.number().min(0).max(1);

/** What the flex-port planner takes (R2.8): shares are fractions of the agents' time, 0 to 1. */
export const flexPortPlanInputSchema = z.object({
    agents: z.number().int().min(0).max(10_000),
    hoursPerDay: z.number().min(0).max(24),
    voicemailShare: share,
    inboundShare: share,
    recordedShare: share
});
export type FlexPortPlanInput = z.infer<typeof flexPortPlanInputSchema>;
