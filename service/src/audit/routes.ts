import { z } from 'zod';
import { findCallerAccount } from '../accounts/findCallerAccount';
import { defineRoutes } from '../kernel/defineRoutes';
import { accountParamsSchema } from '../kernel/schemas';
import { listAudit } from './auditRepository';

export const auditRecordSchema = z.object({
    id: z.number().int(),
    userId: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    termsVersion: z.string(),
    action: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    at: z.string()
});

/** R9.2: which admin authorised what, newest first. */
export const auditRoutes = defineRoutes((app) => {
    app.get(
        '/accounts/:accountId/audit',
        {
            schema: {
                tags: ['audit'],
                params: accountParamsSchema,
                response: { 200: z.object({ records: z.array(auditRecordSchema) }) }
            }
        },
        async (request) => {
            const { orgId } = request.caller;
            const account = await findCallerAccount(request);
            return { records: await listAudit(app.deps.pool, orgId, account.id) };
        }
    );
});
