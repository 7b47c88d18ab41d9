import { z } from 'zod';
import {
    addDays,
    calendarDateIn,
    isoDateSchema,
    parseIsoDate,
    startOfDayInstant,
    toIsoDate
} from '../../../core/index';
import { findCallerAccount } from '../accounts/findCallerAccount';
import { defineRoutes } from '../kernel/defineRoutes';
import { runAccountMutation } from '../mutations/runMutation';
import { accountParamsSchema } from '../kernel/schemas';
import { serviceError } from '../kernel/serviceError';
import { authorizationSchema } from '../kernel/terms';
import { requireMailer } from '../receipts/emailReceipt';
import { deliverReceiptEmail, queueReceiptEmail } from '../receipts/receiptOutbox';
import { receiptContent } from '../receipts/receiptContent';
import { renderReceiptHtml } from '../receipts/renderReceiptHtml';
import { renderReceiptPdf } from '../receipts/renderReceiptPdf';
import { PURCHASE_KINDS, REPORTED_KINDS } from './purchaseKinds';
import { parseTransactionNumber } from './transactionNumber';
import { listTransactions, loadTransaction, type TransactionDetail } from './transactionQueries';

const DEFAULT_RANGE_DAYS = 90;
const MAX_RANGE_DAYS = 731;

const summarySchema = z.object({
    number: z.string().describe('TRX number, e.g. TRX-000123'),
    at: z.string().describe('ISO 8601 instant'),
    kind: z.enum(PURCHASE_KINDS),
    status: z.enum(['pending', 'succeeded', 'failed']),
    totalCents: z.number().int(),
    fundingSource: z
        .object({ kind: z.enum(['card', 'bank_account']), brand: z.string(), last4: z.string() })
        .nullable(),
    declineMessage: z.string().nullable()
});

const detailSchema = summarySchema.extend({
    id: z.uuid(),
    account: z.object({ id: z.uuid(), name: z.string(), timeZone: z.string(), companyName: z.string() }),
    lines: z.array(
        z.object({
            lineNumber: z.number().int(),
            productCode: z.string(),
            description: z.string(),
            quantity: z.number().int(),
            unitPriceCents: z.number().int(),
            prorationDays: z.object({ days: z.number().int(), daysInMonth: z.number().int() }).nullable(),
            amountCents: z.number().int(),
            kind: z.enum(REPORTED_KINDS)
        })
    )
});

const totalsSchema = z.object(
    Object.fromEntries(REPORTED_KINDS.map((kind) => [kind, z.number().int()])) as Record<
        (typeof REPORTED_KINDS)[number],
        z.ZodNumber
    >
);

const numberParamsSchema = accountParamsSchema.extend({
    number: z
        .string()
        .max(30)
        .refine(
            (text) => parseTransactionNumber(text) !== undefined,
            'must be a transaction number such as TRX-000123'
        )
});

const TAGS = ['transactions'];

function toJson(detail: TransactionDetail) {
    return {
        id: detail.id,
        account: detail.account,
        number: detail.number,
        at: detail.at.toISOString(),
        kind: detail.kind,
        status: detail.status,
        totalCents: detail.totalCents,
        fundingSource: detail.fundingSource,
        declineMessage: detail.declineMessage,
        lines: detail.lines
    };
}

/** R8: transactions, receipts (HTML, PDF) and receipt e-mails of one billing account. */
export const transactionRoutes = defineRoutes((app) => {
    async function load(request: { caller: { orgId: string }; params: z.infer<typeof numberParamsSchema> }) {
        const scope = { orgId: request.caller.orgId, accountId: request.params.accountId };
        return loadTransaction(app.deps.pool, scope, parseTransactionNumber(request.params.number) ?? 0);
    }

    app.get(
        '/accounts/:accountId/transactions',
        {
            schema: {
                tags: TAGS,
                description:
                    'R8.2: transactions in a date range (account time zone, both days included) and totals per kind.',
                params: accountParamsSchema,
                querystring: z.object({
                    from: isoDateSchema.optional(),
                    to: isoDateSchema.optional(),
                    kind: z.enum(REPORTED_KINDS).optional()
                }),
                response: {
                    200: z.object({
                        from: z.string(),
                        to: z.string(),
                        transactions: z.array(summarySchema),
                        totals: totalsSchema
                    })
                }
            }
        },
        async (request) => {
            const account = await findCallerAccount(request);
            const to =
                request.query.to === undefined
                    ? calendarDateIn(app.deps.clock.now(), account.timeZone)
                    : parseIsoDate(request.query.to);
            const from =
                request.query.from === undefined
                    ? addDays(to, 1 - DEFAULT_RANGE_DAYS)
                    : parseIsoDate(request.query.from);
            const days =
                (Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) /
                    86_400_000 +
                1;
            if (days < 1 || days > MAX_RANGE_DAYS) {
                throw serviceError(
                    'invalid_request',
                    `Choose a "from" day on or before "to", at most ${MAX_RANGE_DAYS} days apart.`
                );
            }
            const result = await listTransactions(app.deps.pool, account.id, {
                from: startOfDayInstant(from, account.timeZone),
                to: startOfDayInstant(addDays(to, 1), account.timeZone),
                ...(request.query.kind === undefined ? {} : { kind: request.query.kind })
            });
            return {
                from: toIsoDate(from),
                to: toIsoDate(to),
                transactions: result.transactions.map((summary) => ({
                    ...summary,
                    at: summary.at.toISOString()
                })),
                totals: result.totals
            };
        }
    );

    app.get(
        '/accounts/:accountId/transactions/:number',
        { schema: { tags: TAGS, params: numberParamsSchema, response: { 200: detailSchema } } },
        async (request) => toJson(await load(request))
    );

    app.get(
        '/accounts/:accountId/transactions/:number/receipt.html',
        { schema: { tags: TAGS, description: 'R8.3: printable receipt.', params: numberParamsSchema } },
        async (request, reply) => {
            const html = renderReceiptHtml(receiptContent(await load(request)));
            return reply
                .type('text/html; charset=utf-8')
                .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
                .send(html);
        }
    );

    app.get(
        '/accounts/:accountId/transactions/:number/receipt.pdf',
        { schema: { tags: TAGS, description: 'R8.3: the receipt as a PDF.', params: numberParamsSchema } },
        async (request, reply) => {
            const receipt = receiptContent(await load(request));
            const pdf = await renderReceiptPdf(receipt);
            return reply
                .type('application/pdf')
                .header('content-disposition', `inline; filename="${receipt.number}.pdf"`)
                .send(pdf);
        }
    );

    app.post(
        '/accounts/:accountId/transactions/:number/email',
        {
            schema: {
                tags: TAGS,
                description: 'R8.3: e-mail the receipt (PDF attached).',
                params: numberParamsSchema,
                body: z.object({ authorization: authorizationSchema, to: z.email().max(254) }),
                response: { 200: z.object({ sent: z.literal(true), sentTo: z.string(), sentAt: z.string() }) }
            }
        },
        async (request, reply) => {
            const mailer = requireMailer(app.deps.mailer);
            // Recorded with the audit row and the key; sent after commit (a replay sends a mail
            // that is still pending or failed, and never one already sent).
            const queued = await runAccountMutation(
                request,
                reply,
                async (context) => {
                    const detail = await load(request);
                    const emailId = await queueReceiptEmail(context.tx, {
                        transactionId: detail.id,
                        to: request.body.to,
                        now: context.now
                    });
                    await context.audit({
                        action: 'receipt.email',
                        before: null,
                        after: { transaction: detail.number, to: request.body.to }
                    });
                    return { emailId };
                },
                { allowCancelled: true }
            );
            return deliverReceiptEmail(app.deps.pool, mailer, {
                emailId: queued.emailId,
                detail: await load(request),
                clock: app.deps.clock
            });
        }
    );
});
