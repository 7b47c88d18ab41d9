import { z } from 'zod';
import { licenseCodeSchema } from '../../../core/index';
import { authorizationSchema } from '../kernel/terms';

const cents = z.number().int();

export const summaryResponseSchema = z.object({
    orgId: z.string(),
    accounts: z.array(
        z.object({
            id: z.uuid(),
            name: z.string(),
            status: z.enum(['active', 'cancelling', 'cancelled']),
            timeZone: z.string(),
            licenses: z.array(
                z.object({
                    code: licenseCodeSchema,
                    name: z.string(),
                    quantity: z.number().int(),
                    unitPriceCents: cents,
                    lineTotalCents: cents
                })
            ),
            recurringTotalCents: cents,
            recentPurchases: z.array(
                z.object({
                    transactionId: z.string(),
                    number: z.string(),
                    kind: z.string(),
                    status: z.string(),
                    totalCents: cents,
                    at: z.string()
                })
            ),
            payment: z
                .object({
                    period: z.string(),
                    status: z.enum(['collecting', 'paid', 'past_due']),
                    attempts: z.number().int(),
                    failedOn: z.string().nullable(),
                    nextTryOn: z.string().nullable(),
                    waitingForNewSource: z.boolean(),
                    message: z.string()
                })
                .nullable()
                .describe(
                    'R4.2 the latest cycle bill: paid, being collected (dunning) or past due; null before the first cycle'
                )
        })
    ),
    recurringTotalCents: cents
});

export const billingAdministratorSchema = z.object({
    userId: z.string().nullable(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    isAdmin: z.boolean(),
    active: z.boolean()
});

export const billingAdministratorBodySchema = z.object({
    userId: z.string().min(15).max(18),
    authorization: authorizationSchema
});

export const cancellationPlanSchema = z.object({
    effectiveDate: z.string().describe('Last day of service: the end of the contract term (R4.3)'),
    remainingCycles: z.number().int(),
    monthlyAtFloors: cents,
    monthlyAtCurrentQuantities: cents,
    remainingOwed: cents,
    remainingIfUnchanged: cents
});

export const cancellationPreviewBodySchema = z.object({}).optional();
export const cancellationBodySchema = z.object({ authorization: authorizationSchema });

export const cancellationResponseSchema = z.object({
    status: z.enum(['active', 'cancelling', 'cancelled']),
    plan: cancellationPlanSchema
});
