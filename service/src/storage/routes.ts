import { z } from 'zod';
import { findCallerAccount } from '../accounts/findCallerAccount';
import { defineRoutes } from '../kernel/defineRoutes';
import { accountParamsSchema, errorResponseSchema } from '../kernel/schemas';
import { storageView } from './storageView';

const bytes = z.number().int();

const storageResponseSchema = z.object({
    measuredOn: z.string().nullable(),
    users: z.number().int(),
    allowanceBytes: bytes,
    usageBytes: bytes,
    overAllowance: z.boolean(),
    billedGigabytes: z.number().int(),
    fee: z.number().int().describe('Monthly storage fee in cents (R6.2)'),
    feeCoversUpToBytes: bytes.nullable(),
    byKind: z.object({ records: bytes, filesAndRecordings: bytes, dataLists: bytes }),
    waysToLower: z.array(z.string()).readonly()
});

/** R6.3 View Storage. */
export const storageRoutes = defineRoutes((app) => {
    app.get(
        '/accounts/:accountId/storage',
        {
            schema: {
                tags: ['storage'],
                params: accountParamsSchema,
                response: { 200: storageResponseSchema, 400: errorResponseSchema, 404: errorResponseSchema }
            }
        },
        async (request) => {
            const account = await findCallerAccount(request);
            return storageView(app.deps.pool, account.id);
        }
    );
});
