import { z } from 'zod';
import { findBillingAccount } from '../accounts/billingAccountRepository';
import { defineRoutes } from '../http/defineRoutes';
import { runMutation } from '../http/runMutation';
import { accountParamsSchema } from '../http/schemas';
import { authorizationSchema } from '../http/terms';
import { addFundingSource } from './addFundingSource';
import { makePrimary, removeFundingSource } from './changeFundingRoles';
import {
    fundingSourcesResponseSchema,
    fundingSourcesView,
    fundingSourceViewSchema,
    toFundingSourceView
} from './fundingSourcesView';
import { setRechargeSource } from './setRechargeSource';

const holder = {
    holderFirstName: z.string().max(100).describe('First name of the person authorised to use it (R7.1)'),
    holderLastName: z.string().max(100)
};

// Loose shapes on purpose: the use case checks Luhn, expiry and ABA and answers with precise codes.
const addBodySchema = z.object({
    authorization: authorizationSchema,
    source: z.discriminatedUnion('kind', [
        z.object({
            kind: z.literal('card'),
            number: z.string().max(30),
            expMonth: z.number().int(),
            expYear: z.number().int(),
            cvc: z.string().max(4),
            ...holder
        }),
        z.object({
            kind: z.literal('bank_account'),
            routingNumber: z.string().max(20),
            accountNumber: z.string().max(30),
            accountType: z.enum(['checking', 'savings']),
            ...holder
        })
    ])
});

const sourceParamsSchema = accountParamsSchema.extend({ fundingSourceId: z.uuid() });
const authorizedBodySchema = z.object({ authorization: authorizationSchema });
const TAGS = ['funding sources'];

/** R7: funding sources of one billing account. */
export const fundingRoutes = defineRoutes((app) => {
    app.get(
        '/accounts/:accountId/funding-sources',
        {
            schema: {
                tags: TAGS,
                params: accountParamsSchema,
                response: { 200: fundingSourcesResponseSchema }
            }
        },
        async (request) => {
            const account = await findBillingAccount(
                app.deps.pool,
                request.caller.orgId,
                request.params.accountId
            );
            return {
                fundingSources: await fundingSourcesView(app.deps.pool, account.id, app.deps.clock.now())
            };
        }
    );

    app.post(
        '/accounts/:accountId/funding-sources',
        {
            schema: {
                tags: TAGS,
                description:
                    'Add a card or bank account: tokenized by the processor; only token, brand, last4 and expiry are kept.',
                params: accountParamsSchema,
                body: addBodySchema,
                response: { 201: fundingSourceViewSchema }
            }
        },
        (request, reply) =>
            runMutation(
                request,
                reply,
                {
                    authorization: request.body.authorization,
                    accountId: request.params.accountId,
                    status: 201
                },
                async (context) => {
                    const { tx, now } = context;
                    const accountId = request.params.accountId;
                    const source = await addFundingSource(tx, app.deps.processor, {
                        accountId,
                        details: request.body.source,
                        now
                    });
                    const view = toFundingSourceView(source, now, null);
                    await context.audit({ action: 'funding_source.add', before: null, after: view });
                    return view;
                }
            )
    );

    const roleChange = (
        path: string,
        action: string,
        description: string,
        change: typeof makePrimary
    ): void => {
        app.post(
            path,
            {
                schema: {
                    tags: TAGS,
                    description,
                    params: sourceParamsSchema,
                    body: authorizedBodySchema,
                    response: { 200: fundingSourcesResponseSchema }
                }
            },
            (request, reply) =>
                runMutation(
                    request,
                    reply,
                    { authorization: request.body.authorization, accountId: request.params.accountId },
                    async (context) => {
                        const { tx, now } = context;
                        const { accountId, fundingSourceId } = request.params;
                        const before = await fundingSourcesView(tx, accountId, now);
                        await change(tx, { accountId, fundingSourceId, now });
                        const after = await fundingSourcesView(tx, accountId, now);
                        await context.audit({ action, before, after });
                        return { fundingSources: after };
                    }
                )
        );
    };
    roleChange(
        '/accounts/:accountId/funding-sources/:fundingSourceId/make-primary',
        'funding_source.make_primary',
        'R7.4: make this source primary; the old primary takes its place.',
        makePrimary
    );
    roleChange(
        '/accounts/:accountId/funding-sources/:fundingSourceId/remove',
        'funding_source.remove',
        'R7.3: remove a source; refused (last_valid_source) for the last valid one.',
        removeFundingSource
    );

    app.put(
        '/accounts/:accountId/recharge-source',
        {
            schema: {
                tags: TAGS,
                description: 'R7.4: the funding source that pays for dialer minutes.',
                params: accountParamsSchema,
                body: z.object({ authorization: authorizationSchema, fundingSourceId: z.uuid() }),
                response: { 200: fundingSourcesResponseSchema }
            }
        },
        (request, reply) =>
            runMutation(
                request,
                reply,
                { authorization: request.body.authorization, accountId: request.params.accountId },
                async (context) => {
                    const { tx, now } = context;
                    const { accountId } = request.params;
                    const before = await fundingSourcesView(tx, accountId, now);
                    await setRechargeSource(tx, {
                        accountId,
                        fundingSourceId: request.body.fundingSourceId,
                        now
                    });
                    const after = await fundingSourcesView(tx, accountId, now);
                    await context.audit({ action: 'funding_source.recharge_source', before, after });
                    return { fundingSources: after };
                }
            )
    );
});
