import { z } from 'zod';

/** `:accountId` params: a uuid (a malformed one is 400; another company's is 404). */
export const accountParamsSchema = z.object({ accountId: z.uuid() });

export const isoInstantSchema = z.string().describe('ISO 8601 instant');
