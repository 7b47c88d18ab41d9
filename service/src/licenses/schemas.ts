import { z } from 'zod';
import { licenseCodeSchema, licenseQuantitiesSchema, LICENSE_CODES } from '../../../core/index';
import { authorizationSchema } from '../kernel/terms';

const cents = z.number().int();

export const licenseLineSchema = z.object({
    code: licenseCodeSchema,
    name: z.string(),
    kind: z.enum(['per_user', 'pooled', 'feature', 'count']),
    purchased: z.number().int(),
    assigned: z.number().int().describe('Users holding it'),
    inUse: z.number().int().describe('Live runtime leases now (pooled licenses, R2.3)'),
    refusals30Days: z
        .number()
        .int()
        .describe('Seats or ports refused for lack of one in the last 30 days (people locked out)'),
    unitPriceCents: cents,
    lineTotalCents: cents,
    floor: z.number().int().describe('Contract minimum while the term lasts (R3.2)'),
    heldByInactiveUsers: z.number().int().describe('Paid for but held by deactivated users (R2.7)')
});

export const contractTermSchema = z.object({ start: z.string(), end: z.string() }).nullable();

export const licensesResponseSchema = z.object({
    accountId: z.uuid(),
    contract: contractTermSchema,
    licenses: z.array(licenseLineSchema),
    recurringTotalCents: cents,
    tollFreeLines: z
        .array(z.object({ id: z.uuid(), phoneNumber: z.string(), connectedAt: z.string() }))
        .describe('TOLL_FREE numbers connected by a service representative')
});

export const assignmentUserSchema = z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    active: z.boolean(),
    licenses: z.array(licenseCodeSchema),
    inUseNow: z
        .array(licenseCodeSchema)
        .describe('Licenses whose seat or port the user holds right now (live leases)')
});

export const assignmentsResponseSchema = z.object({
    users: z.array(assignmentUserSchema),
    available: z.array(
        z.object({
            code: licenseCodeSchema,
            name: z.string(),
            kind: z.enum(['per_user', 'pooled', 'feature', 'count']),
            purchased: z.number().int(),
            assigned: z.number().int(),
            available: z
                .number()
                .int()
                .nullable()
                .describe('Per-user licenses: purchased minus assigned; null for pooled')
        })
    )
});

export const assignmentChangesBodySchema = z.object({
    changes: z
        .array(
            z.object({ userId: z.string().min(1).max(64), license: licenseCodeSchema, assigned: z.boolean() })
        )
        .min(1)
        .max(1000),
    authorization: authorizationSchema
});

export const quantitiesPreviewBodySchema = z.object({ quantities: licenseQuantitiesSchema });
export const quantityQuoteSchema = z
    .object({ chargeNow: cents.min(0), monthlyRecurringTotal: cents.min(0) })
    .describe(
        'What the preview showed and the admin authorised; when the service would now charge something else it refuses with quote_changed (409) and the new figures, and charges nothing'
    );

export const quantitiesApplyBodySchema = z.object({
    quantities: licenseQuantitiesSchema,
    quote: quantityQuoteSchema,
    authorization: authorizationSchema
});

export const refusalSchema = z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).readonly().optional()
});

export const quantityPlanSchema = z.object({
    today: z.string(),
    nextCycleDate: z.string(),
    lines: z
        .array(
            z.object({
                license: licenseCodeSchema,
                name: z.string(),
                currentQuantity: z.number().int(),
                newQuantity: z.number().int(),
                added: z.number().int(),
                removed: z.number().int(),
                charged: z
                    .number()
                    .int()
                    .describe(
                        'Added licenses charged now: those above what this month already paid for (R3.5)'
                    ),
                unitPrice: cents,
                prorationDays: z.number().int(),
                daysInMonth: z.number().int(),
                chargeNow: cents,
                monthlyTotal: cents
            })
        )
        .readonly(),
    chargeNow: cents,
    previousMonthlyRecurringTotal: cents,
    monthlyRecurringTotal: cents,
    newQuantities: z.partialRecord(z.enum(LICENSE_CODES), z.number().int())
});

export const quantityPreviewResponseSchema = z.object({
    plan: quantityPlanSchema.nullable(),
    refusals: z.array(refusalSchema)
});

export const purchaseSummarySchema = z
    .object({ transactionId: z.string(), number: z.string(), totalCents: cents, fundingSourceId: z.string() })
    .nullable();

export const quantityApplyResponseSchema = z.object({
    plan: quantityPlanSchema,
    purchase: purchaseSummarySchema
});
