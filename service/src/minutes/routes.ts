import { z } from 'zod';
import { findCallerAccount } from '../accounts/findCallerAccount';
import { defineRoutes } from '../kernel/defineRoutes';
import { runAccountMutation } from '../mutations/runMutation';
import { accountParamsSchema } from '../kernel/schemas';
import { authorizationSchema } from '../kernel/terms';
import { loadMinuteSettings, saveRechargeEnabled } from './minuteSettingsRepository';
import { minutesBalance } from './minutesBalance';
import { purchaseMinutes } from './purchaseMinutes';
import { rechargePreview } from './rechargePreview';
import { usageByDay } from './usageRepository';

const rechargeSchema = z.object({
    enabled: z.boolean(),
    windowFirstDay: z.string(),
    windowLastDay: z.string(),
    usageCents: z.number().int().describe('Usage over the 30 days before today'),
    dailyAverageCents: z.number().int(),
    rechargeAmountCents: z.number().int().describe('R5.3: daily average × 14'),
    thresholdCents: z.number().int().describe('R5.3: daily average × 7 (minimum reserve)')
});

const minutesSchema = z.object({
    balanceCents: z.number().int(),
    minutes: z.number().int().describe('R5.1: balance ÷ $0.02'),
    recharge: rechargeSchema,
    rechargeFundingSourceId: z.uuid().nullable().describe('null: the primary funding source pays')
});

const purchaseResponseSchema = z.object({
    transactionNumber: z.string(),
    totalCents: z.number().int(),
    balanceCents: z.number().int(),
    minutes: z.number().int()
});

const TAGS = ['dialer minutes'];

/** R5: dialer minutes of one billing account. */
export const minutesRoutes = defineRoutes((app) => {
    app.get(
        '/accounts/:accountId/minutes',
        { schema: { tags: TAGS, params: accountParamsSchema, response: { 200: minutesSchema } } },
        async (request) => {
            const account = await findCallerAccount(request);
            const now = app.deps.clock.now();
            const settings = await loadMinuteSettings(app.deps.pool, account.id);
            return {
                ...(await minutesBalance(app.deps.pool, account.id)),
                recharge: await rechargePreview(app.deps.pool, account, now),
                rechargeFundingSourceId: settings.rechargeFundingSourceId
            };
        }
    );

    app.get(
        '/accounts/:accountId/minutes/usage',
        {
            schema: {
                tags: TAGS,
                params: accountParamsSchema,
                querystring: z.object({ days: z.coerce.number().int().min(1).max(366).default(30) }),
                response: {
                    200: z.object({
                        days: z.array(
                            z.object({
                                date: z.string(),
                                callSeconds: z.number().int(),
                                smsCount: z.number().int(),
                                amountCents: z.number().int()
                            })
                        )
                    })
                }
            }
        },
        async (request) => {
            const account = await findCallerAccount(request);
            return {
                days: await usageByDay(app.deps.pool, account, request.query.days, app.deps.clock.now())
            };
        }
    );

    app.post(
        '/accounts/:accountId/minutes/purchases',
        {
            schema: {
                tags: TAGS,
                description: 'R5.2: buy minutes (at least $100.00); the balance shows them at once.',
                params: accountParamsSchema,
                body: z.object({ authorization: authorizationSchema, amountCents: z.number().int() }),
                response: { 201: purchaseResponseSchema }
            }
        },
        (request, reply) =>
            runAccountMutation(
                request,
                reply,
                async (context) => {
                    const accountId = request.params.accountId;
                    const before = await minutesBalance(context.tx, accountId);
                    const purchase = await purchaseMinutes(context.tx, app.deps, {
                        accountId,
                        amountCents: request.body.amountCents,
                        idempotencyKey: context.idempotencyKey,
                        now: context.now
                    });
                    const after = await minutesBalance(context.tx, accountId);
                    await context.audit({
                        action: 'minutes.purchase',
                        before,
                        after: { ...after, transaction: purchase.number }
                    });
                    return { transactionNumber: purchase.number, totalCents: purchase.totalCents, ...after };
                },
                { status: 201 }
            )
    );

    app.get(
        '/accounts/:accountId/minutes/recharge',
        {
            schema: {
                tags: TAGS,
                description: 'R5.3: the computed recharge amount and threshold, before turning it on.',
                params: accountParamsSchema,
                response: { 200: rechargeSchema }
            }
        },
        async (request) => {
            const account = await findCallerAccount(request);
            return rechargePreview(app.deps.pool, account, app.deps.clock.now());
        }
    );

    app.put(
        '/accounts/:accountId/minutes/recharge',
        {
            schema: {
                tags: TAGS,
                params: accountParamsSchema,
                body: z.object({ authorization: authorizationSchema, enabled: z.boolean() }),
                response: { 200: rechargeSchema }
            }
        },
        (request, reply) =>
            runAccountMutation(request, reply, async (context) => {
                const account = context.account ?? (await findCallerAccount(request));
                const before = await rechargePreview(context.tx, account, context.now);
                await saveRechargeEnabled(context.tx, account.id, request.body.enabled, context.now);
                const after = await rechargePreview(context.tx, account, context.now);
                await context.audit({ action: 'minutes.recharge', before, after });
                return after;
            })
    );
});
