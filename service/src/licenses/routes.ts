import { findBillingAccount } from '../accounts/billingAccountRepository';
import { defineRoutes } from '../http/defineRoutes';
import { errorResponseSchema } from '../http/errorHandler';
import { runMutation } from '../http/runMutation';
import { accountParamsSchema } from '../http/schemas';
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

const refusals = {
    400: errorResponseSchema,
    404: errorResponseSchema,
    409: errorResponseSchema,
    422: errorResponseSchema
};

/** R2 and R3: licenses, assignments, quantity preview and change. */
export const licenseRoutes = defineRoutes((app) => {
    app.get(
        '/accounts/:accountId/licenses',
        {
            schema: {
                tags: ['licenses'],
                params: accountParamsSchema,
                response: { 200: licensesResponseSchema, ...refusals }
            }
        },
        async (request) => {
            const account = await findBillingAccount(
                app.deps.pool,
                request.caller.orgId,
                request.params.accountId
            );
            return listLicenses(app.deps.pool, app.deps.directory, account, app.deps.clock.now());
        }
    );

    app.get(
        '/accounts/:accountId/assignments',
        {
            schema: {
                tags: ['licenses'],
                params: accountParamsSchema,
                response: { 200: assignmentsResponseSchema, ...refusals }
            }
        },
        async (request) => {
            const account = await findBillingAccount(
                app.deps.pool,
                request.caller.orgId,
                request.params.accountId
            );
            return listAssignments(app.deps.pool, app.deps.directory, account);
        }
    );

    app.post(
        '/accounts/:accountId/assignments',
        {
            schema: {
                tags: ['licenses'],
                params: accountParamsSchema,
                body: assignmentChangesBodySchema,
                response: { 200: assignmentsResponseSchema, ...refusals }
            }
        },
        (request, reply) =>
            runMutation(
                request,
                reply,
                { authorization: request.body.authorization, accountId: request.params.accountId },
                (context) =>
                    changeAssignments(
                        context,
                        app.deps.directory,
                        request.params.accountId,
                        request.body.changes
                    )
            )
    );

    app.post(
        '/accounts/:accountId/quantities/preview',
        {
            schema: {
                tags: ['licenses'],
                params: accountParamsSchema,
                body: quantitiesPreviewBodySchema,
                response: { 200: quantityPreviewResponseSchema, ...refusals }
            }
        },
        async (request) => {
            const account = await findBillingAccount(
                app.deps.pool,
                request.caller.orgId,
                request.params.accountId
            );
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
                response: { 200: quantityApplyResponseSchema, ...refusals, 402: errorResponseSchema }
            }
        },
        (request, reply) =>
            runMutation(
                request,
                reply,
                { authorization: request.body.authorization, accountId: request.params.accountId },
                (context) => applyQuantityChange(context, request.body.quantities)
            )
    );
});
