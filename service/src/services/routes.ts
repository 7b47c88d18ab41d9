import { z } from 'zod';
import { serviceCodeSchema } from '../../../core/index';
import { findCallerAccount } from '../accounts/findCallerAccount';
import { defineRoutes } from '../kernel/defineRoutes';
import { runAccountMutation } from '../mutations/runMutation';
import { accountParamsSchema, REFUSAL_RESPONSES } from '../kernel/schemas';
import { authorizationSchema } from '../kernel/terms';
import { listServices, purchaseService } from './purchaseService';

const purchaseSchema = z.object({
    id: z.string(),
    service: z.string(),
    name: z.string(),
    quantity: z.number().int(),
    amountCents: z.number().int(),
    at: z.string()
});

const servicesResponseSchema = z.object({
    services: z.array(
        z.object({
            code: serviceCodeSchema,
            name: z.string(),
            description: z.string(),
            purchasableInPanel: z.boolean(),
            priceCents: z.number().int().nullable()
        })
    ),
    purchases: z.array(purchaseSchema)
});

const purchaseBodySchema = z.object({
    service: serviceCodeSchema,
    quantity: z.number().int().min(1).max(10).default(1),
    authorization: authorizationSchema
});

const purchaseResponseSchema = z.object({
    purchase: purchaseSchema,
    transaction: z.object({
        transactionId: z.string(),
        number: z.string(),
        totalCents: z.number().int(),
        fundingSourceId: z.string()
    })
});

/** R7.5 implementation services. */
export const serviceRoutes = defineRoutes((app) => {
    app.get(
        '/accounts/:accountId/services',
        {
            schema: {
                tags: ['services'],
                params: accountParamsSchema,
                response: { 200: servicesResponseSchema, ...REFUSAL_RESPONSES }
            }
        },
        async (request) => {
            const account = await findCallerAccount(request);
            return listServices(app.deps.pool, account.id);
        }
    );

    app.post(
        '/accounts/:accountId/services/purchases',
        {
            schema: {
                tags: ['services'],
                params: accountParamsSchema,
                body: purchaseBodySchema,
                response: { 201: purchaseResponseSchema, ...REFUSAL_RESPONSES }
            }
        },
        (request, reply) =>
            runAccountMutation(
                request,
                reply,
                (context) => purchaseService(context, request.body.service, request.body.quantity),
                { status: 201 }
            )
    );
});
