import { z } from 'zod';

export const errorResponseSchema = z
    .object({
        code: z.string().describe('Stable snake_case code, e.g. license_floor'),
        message: z.string().describe('A sentence a person can act on'),
        details: z.record(z.string(), z.unknown()).optional()
    })
    .describe('Every 4xx answer');

export type ErrorResponse = z.infer<typeof errorResponseSchema>;

/** `:accountId` params: a uuid (a malformed one is 400; another company's is 404). */
export const accountParamsSchema = z.object({ accountId: z.uuid() });

export const isoInstantSchema = z.string().describe('ISO 8601 instant');

/** The 4xx answers every account route may give, for the OpenAPI document and response checks. */
export const REFUSAL_RESPONSES = {
    400: errorResponseSchema,
    402: errorResponseSchema,
    403: errorResponseSchema,
    404: errorResponseSchema,
    409: errorResponseSchema,
    422: errorResponseSchema
} as const;
