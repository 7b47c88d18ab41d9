import { z } from 'zod';
import { licenseCodeSchema } from '../../../core/index';
import { defineRoutes } from '../kernel/defineRoutes';
import { listCompanyUsers } from './listUsers';

const usersResponseSchema = z.object({
    users: z.array(
        z.object({
            id: z.string(),
            name: z.string(),
            email: z.string(),
            active: z.boolean(),
            isAdmin: z.boolean(),
            licenses: z.array(
                z.object({
                    accountId: z.string(),
                    accountName: z.string(),
                    license: licenseCodeSchema,
                    name: z.string()
                })
            ),
            inactiveHoldingLicenses: z
                .boolean()
                .describe('Deactivated but still holding paid licenses (R2.7)')
        })
    ),
    inactiveHolders: z.number().int(),
    licensesHeldByInactiveUsers: z.number().int()
});

/** R2.7 the company's users. */
export const userRoutes = defineRoutes((app) => {
    app.get('/users', { schema: { tags: ['users'], response: { 200: usersResponseSchema } } }, (request) =>
        listCompanyUsers(app.deps.pool, app.deps.directory, request.caller.orgId, app.deps.clock.now())
    );
});
