import { z } from 'zod';
import { findCallerAccount } from '../accounts/findCallerAccount';
import type { AppDeps } from '../kernel/appDeps';
import { defineRoutes } from '../kernel/defineRoutes';
import { runAccountMutation, type MutationContext } from '../mutations/runMutation';
import { accountParamsSchema } from '../kernel/schemas';
import { authorizationSchema } from '../kernel/terms';
import { addFundingSource } from './addFundingSource';
import { makePrimary, removeFundingSource } from './changeFundingRoles';
import {
    fundingSourcesResponseSchema,
    fundingSourcesView,
    fundingSourceViewSchema,
    toFundingSourceView,
    type FundingSourceView
} from './fundingSourcesView';
import { setRechargeSource } from './setRechargeSource';

const holder = {
    holderFirstName: z.string().max(100).describe('First name of the person authorised to use it (R7.1)'),
    holderLastName: z.string().max(100)
};

// Loose shapes on purpose: the use case checks Luhn, expiry and ABA and answers with precise codes.
/** A card or bank account as entered (R7.1); the back office's onboarding takes the same shape. */
export const fundingSourceDetailsSchema = z.discriminatedUnion('kind', [
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
]);

const addBodySchema = z.object({
    authorization: authorizationSchema,
    source: fundingSourceDetailsSchema
});

const sourceParamsSchema = accountParamsSchema.extend({ fundingSourceId: z.uuid() });
const authorizedBodySchema = z.object({ authorization: authorizationSchema });
const TAGS = ['funding sources'];

/**
 * Applies `change` with the account locked, and audits the account's sources before and after:
 * the answer is the list as it now stands.
 */
async function changeSources(
    context: MutationContext,
    accountId: string,
    action: string,
    change: (tx: MutationContext['tx'], now: Date) => Promise<void>
): Promise<{ fundingSources: FundingSourceView[] }> {
    const before = await fundingSourcesView(context.tx, accountId, context.now);
    await change(context.tx, context.now);
    const after = await fundingSourcesView(context.tx, accountId, context.now);
    await context.audit({ action, before, after });
    return { fundingSources: after };
}

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
            const account = await findCallerAccount(request);
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
        async (request, reply) => {
            const view = await runAccountMutation(
                request,
                reply,
                async (context) => {
                    const source = await addFundingSource(context.tx, app.deps.processor, {
                        accountId: request.params.accountId,
                        details: request.body.source,
                        now: context.now
                    });
                    const view = toFundingSourceView(source, context.now, null);
                    await context.audit({ action: 'funding_source.add', before: null, after: view });
                    return view;
                },
                { status: 201 }
            );
            await wakeCycleRetry(app.deps, request.params.accountId);
            return view;
        }
    );

    const ROLE_CHANGES = [
        [
            'make-primary',
            'funding_source.make_primary',
            'R7.4: make this source primary; the old primary takes its place.',
            makePrimary
        ],
        [
            'remove',
            'funding_source.remove',
            'R7.3: remove a source; refused (last_valid_source) for the last valid one.',
            removeFundingSource
        ]
    ] as const;
    for (const [path, action, description, change] of ROLE_CHANGES) {
        app.post(
            `/accounts/:accountId/funding-sources/:fundingSourceId/${path}`,
            {
                schema: {
                    tags: TAGS,
                    description,
                    params: sourceParamsSchema,
                    body: authorizedBodySchema,
                    response: { 200: fundingSourcesResponseSchema }
                }
            },
            async (request, reply) => {
                const { accountId, fundingSourceId } = request.params;
                const sources = await runAccountMutation(request, reply, (context) =>
                    changeSources(context, accountId, action, (tx, now) =>
                        change(tx, { accountId, fundingSourceId, now })
                    )
                );
                if (path === 'make-primary') await wakeCycleRetry(app.deps, accountId);
                return sources;
            }
        );
    }

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
            runAccountMutation(request, reply, (context) => {
                const { accountId } = request.params;
                const { fundingSourceId } = request.body;
                return changeSources(context, accountId, 'funding_source.recharge_source', (tx, now) =>
                    setRechargeSource(tx, { accountId, fundingSourceId, now })
                );
            })
    );
});

/** R4.2 after a source was added or made primary: the queue retries an unpaid cycle now (else the hourly sweep does). */
async function wakeCycleRetry(deps: AppDeps, accountId: string): Promise<void> {
    try {
        await deps.jobs?.retryCycleNow?.(accountId);
    } catch (error) {
        deps.logger?.warn(
            { err: error, accountId },
            'could not wake the cycle retry; the hourly sweep retries it'
        );
    }
}
