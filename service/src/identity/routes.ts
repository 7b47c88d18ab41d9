import { z } from 'zod';
import { defineRoutes } from '../kernel/defineRoutes';
import { TERMS_TEXT, TERMS_VERSION } from '../kernel/terms';

export const meResponseSchema = z.object({
    userId: z.string(),
    name: z.string(),
    orgId: z.string(),
    isAdmin: z.boolean().describe('Active Salesforce admin: may see and change billing (R1.4)')
});

export const termsResponseSchema = z.object({ version: z.string(), text: z.string() });

/** Who am I (answered for non-admins too, so the panel can say billing is for admins), and the terms. */
export const meRoutes = defineRoutes((app) => {
    app.get(
        '/me',
        {
            config: { allowNonAdmin: true },
            schema: { tags: ['session'], response: { 200: meResponseSchema } }
        },
        (request) => {
            const { caller } = request;
            return {
                userId: caller.userId,
                name: caller.user.name,
                orgId: caller.orgId,
                isAdmin: caller.user.active && caller.user.isAdmin
            };
        }
    );
    app.get(
        '/terms',
        {
            config: { allowNonAdmin: true },
            schema: { tags: ['session'], response: { 200: termsResponseSchema } }
        },
        () => ({ version: TERMS_VERSION, text: TERMS_TEXT })
    );
});
