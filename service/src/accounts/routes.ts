import { defineRoutes } from '../kernel/defineRoutes';
import { runAccountMutation } from '../mutations/runMutation';
import { accountParamsSchema, REFUSAL_RESPONSES } from '../kernel/schemas';
import { changeBillingAdministrator, getBillingAdministrator } from './billingAdministrator';
import { findCallerAccount } from './findCallerAccount';
import { buildSummary } from './buildSummary';
import { cancelAccount, previewCancellation } from './cancelAccount';
import {
    billingAdministratorBodySchema,
    billingAdministratorSchema,
    cancellationBodySchema,
    cancellationPreviewBodySchema,
    cancellationResponseSchema,
    summaryResponseSchema
} from './schemas';

/** R1.1 summary, R1.3 billing administrator, R4.3 cancellation. */
export const accountRoutes = defineRoutes((app) => {
    app.get(
        '/summary',
        { schema: { tags: ['accounts'], response: { 200: summaryResponseSchema } } },
        (request) => buildSummary(app.deps.pool, request.caller.orgId, app.deps.clock.now())
    );

    app.get(
        '/accounts/:accountId/billing-administrator',
        {
            schema: {
                tags: ['accounts'],
                params: accountParamsSchema,
                response: { 200: billingAdministratorSchema, ...REFUSAL_RESPONSES }
            }
        },
        async (request) => {
            const account = await findCallerAccount(request);
            return getBillingAdministrator(app.deps.directory, account);
        }
    );

    app.put(
        '/accounts/:accountId/billing-administrator',
        {
            schema: {
                tags: ['accounts'],
                params: accountParamsSchema,
                body: billingAdministratorBodySchema,
                response: { 200: billingAdministratorSchema, ...REFUSAL_RESPONSES }
            }
        },
        async (request, reply) => {
            // Asked of Salesforce before the account is locked (issue 9).
            const user = await app.deps.directory.getUser(request.caller.orgId, request.body.userId);
            return runAccountMutation(request, reply, (context) =>
                changeBillingAdministrator(context, request.body.userId, user)
            );
        }
    );

    app.post(
        '/accounts/:accountId/cancellation/preview',
        {
            schema: {
                tags: ['accounts'],
                params: accountParamsSchema,
                body: cancellationPreviewBodySchema,
                response: { 200: cancellationResponseSchema, ...REFUSAL_RESPONSES }
            }
        },
        async (request) => {
            const account = await findCallerAccount(request);
            return {
                status: account.status,
                plan: await previewCancellation(app.deps.pool, account, app.deps.clock.now())
            };
        }
    );

    app.post(
        '/accounts/:accountId/cancellation',
        {
            schema: {
                tags: ['accounts'],
                params: accountParamsSchema,
                body: cancellationBodySchema,
                response: { 200: cancellationResponseSchema, ...REFUSAL_RESPONSES }
            }
        },
        (request, reply) => runAccountMutation(request, reply, (context) => cancelAccount(context))
    );
});
