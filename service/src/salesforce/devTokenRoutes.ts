import { z } from 'zod';
import { defineRoutes } from '../kernel/defineRoutes';
import { serviceError } from '../kernel/serviceError';
import { TOKEN_LIFETIME_SECONDS } from './localIssuer';
import { toSalesforceId18 } from './salesforceId';

/**
 * LOCAL MODE ONLY (mounted when `deps.localIssuer` is set): `POST /dev/token { userId }` signs
 * the token the Named Credential would send for that user of the demo org, for the preview's
 * user switcher. The /api routes then verify it like any Salesforce token.
 */
export const devTokenRoutes = defineRoutes((app) => {
    app.post(
        '/dev/token',
        {
            schema: {
                tags: ['local mode'],
                body: z.object({ userId: z.string().min(1).max(40) }),
                response: { 200: z.object({ token: z.string(), expiresInSeconds: z.number().int() }) }
            }
        },
        async (request) => {
            const issuer = app.deps.localIssuer;
            if (issuer === undefined) throw new Error('devTokenRoutes is mounted without a local issuer');
            const userId = toSalesforceId18(request.body.userId, 'user');
            if (userId === undefined) {
                throw serviceError(
                    'invalid_salesforce_id',
                    'userId must be a 15- or 18-character Salesforce user id.'
                );
            }
            if ((await app.deps.directory.getUser(issuer.orgId, userId)) === undefined) {
                throw serviceError('unknown_user', 'The demo org has no user with that id.');
            }
            return { token: await issuer.issueToken(userId), expiresInSeconds: TOKEN_LIFETIME_SECONDS };
        }
    );
});
