import { z } from 'zod';
import { isoDateSchema } from '../../../core/index';
import { accountParamsSchema } from '../kernel/schemas';
import { PURCHASE_KINDS, REPORTED_KINDS } from './purchaseKinds';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './listTransactionsPage';
import { parseTransactionNumber } from './transactionNumber';

export const transactionSummarySchema = z.object({
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

export const transactionDetailSchema = transactionSummarySchema.extend({
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
    ),
    refunds: z
        .array(z.object({ number: z.string(), amountCents: z.number().int(), at: z.string() }))
        .describe('Refunds of this payment, each a transaction of its own (issue 14)')
});

const totalsSchema = z.object(
    Object.fromEntries(REPORTED_KINDS.map((kind) => [kind, z.number().int()])) as Record<
        (typeof REPORTED_KINDS)[number],
        z.ZodNumber
    >
);

export const transactionRangeQuerySchema = z.object({
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    kind: z.enum(REPORTED_KINDS).optional(),
    cursor: z.string().max(64).optional().describe('nextCursor of the page before'),
    limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(MAX_PAGE_SIZE)
        .optional()
        .describe(`Transactions per page (default ${DEFAULT_PAGE_SIZE})`)
});

export const transactionListSchema = z.object({
    from: z
        .string()
        .describe('the first day listed (the default range when not asked: core DEFAULT_RANGE_DAYS)'),
    to: z.string().describe('the last day listed'),
    transactions: z.array(transactionSummarySchema),
    totals: totalsSchema,
    nextCursor: z.string().nullable().describe('pass as cursor for the next page; null on the last')
});

/** A transaction number in a path: TRX-000123. */
export const transactionNumberSchema = z
    .string()
    .max(30)
    .refine(
        (text) => parseTransactionNumber(text) !== undefined,
        'must be a transaction number such as TRX-000123'
    );

export const transactionNumberParamsSchema = accountParamsSchema.extend({ number: transactionNumberSchema });

export type TransactionNumberParams = z.infer<typeof transactionNumberParamsSchema>;
