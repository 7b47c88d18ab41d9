import { findCallerAccount } from '../accounts/findCallerAccount';
import { defineRoutes } from '../kernel/defineRoutes';
import { runAccountMutation } from '../mutations/runMutation';
import { accountParamsSchema, REFUSAL_RESPONSES } from '../kernel/schemas';
import { applyQuantityChange } from './applyQuantityChange';
import { changeAssignments } from './changeAssignments';
import { listAssignments } from './listAssignments';
import { listLicenses } from './listLicenses';
import { planQuantities } from './planQuantities';
import {
    assignmentChangesBodySchema,
    assignmentsResponseSchema,
    licensesResponseSchema,
    quantitiesApplyBodySchema,
    quantitiesPreviewBodySchema,
    quantityApplyResponseSchema,
    quantityPreviewResponseSchema
} from './schemas';

/** R2 and R3: licenses, assignments, quantity preview and change. */
export const licenseRoutes = defineRoutes((app) => {
    app.get(
        '/accounts/:accountId/licenses',
        {
            schema: {
                tags: ['licenses'],
                params: accountParamsSchema,
                response: { 200: licensesResponseSchema, ...REFUSAL_RESPONSES }
            }
        },
        async (request) => {
            const account = await findCallerAccount(request);
            return listLicenses(app.deps.pool, app.deps.directory, account, app.deps.clock.now());
        }
    );

    app.get(
        '/accounts/:accountId/assignments',
        {
            schema: {
                tags: ['licenses'],
                params: accountParamsSchema,
                response: { 200: assignmentsResponseSchema, ...REFUSAL_RESPONSES }
            }
        },
        async (request) => {
            const account = await findCallerAccount(request);
            return listAssignments(app.deps.pool, app.deps.directory, account, app.deps.clock.now());
        }
    );

    app.post(
        '/accounts/:accountId/assignments',
        {
            schema: {
                tags: ['licenses'],
                params: accountParamsSchema,
                body: assignmentChangesBodySchema,
                response: { 200: assignmentsResponseSchema, ...REFUSAL_RESPONSES }
            }
        },
        async (request, reply) => {
            // Users come from Salesforce (or the pool, locally) before the account is locked (issue 9).
            const users = await app.deps.directory.listUsers(request.caller.orgId);
            return runAccountMutation(request, reply, (context) =>
                changeAssignments(context, users, request.params.accountId, request.body.changes)
            );
        }
    );

    app.post(
        '/accounts/:accountId/quantities/preview',
        {
            schema: {
                tags: ['licenses'],
                params: accountParamsSchema,
                body: quantitiesPreviewBodySchema,
                response: { 200: quantityPreviewResponseSchema, ...REFUSAL_RESPONSES }
            }
        },
        async (request) => {
            const account = await findCallerAccount(request);
            const { result } = await planQuantities(
                app.deps.pool,
                account,
                request.body.quantities,
                app.deps.clock.now()
            );
            return result.ok
                ? { plan: result.value, refusals: [] }
                : { plan: null, refusals: result.errors.map((error) => error.toJSON()) };
        }
    );

    app.post(
        '/accounts/:accountId/quantities',
        {
            schema: {
                tags: ['licenses'],
                params: accountParamsSchema,
                body: quantitiesApplyBodySchema,
                response: { 200: quantityApplyResponseSchema, ...REFUSAL_RESPONSES }
            }
        },
        (request, reply) =>
            runAccountMutation(request, reply, (context) =>
                applyQuantityChange(context, request.body.quantities, request.body.quote)
            )
    );
});
