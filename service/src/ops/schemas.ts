import { z } from 'zod';
import {
    isoDateSchema,
    licenseCodeSchema,
    quantitySchema,
    SERVICE_CATALOG,
    timeZoneSchema,
    type ServiceCode
} from '../../../core/index';
import { toSalesforceId18 } from '../salesforce/salesforceId';
import { fundingSourceDetailsSchema } from '../funding/routes';
import { OTHER_SERVICES_PRODUCT_CODE } from '../transactions/purchaseKinds';

const MAX_UNIT_PRICE_CENTS = 10_000_000;
const unitPriceSchema = z.number().int().min(0).max(MAX_UNIT_PRICE_CENTS);

export const orgIdSchema = z
    .string()
    .max(18)
    .refine(
        (text) => toSalesforceId18(text, 'organization') !== undefined,
        'must be an 18-character Salesforce org id (00D…)'
    )
    .transform((text) => toSalesforceId18(text, 'organization') ?? text);

const userIdSchema = z
    .string()
    .max(18)
    .refine((text) => toSalesforceId18(text, 'user') !== undefined, 'must be a Salesforce user id (005…)')
    .transform((text) => toSalesforceId18(text, 'user') ?? text);

export const termSchema = z.object({
    start: isoDateSchema.describe('First day of the term (account time zone)'),
    months: z
        .union([z.literal(6), z.literal(12)])
        .optional()
        .describe('6 or 12 months; or give `end`'),
    end: isoDateSchema.optional().describe('Last day of the term, included')
});

const licenseTermsSchema = z.object({
    quantity: quantitySchema.optional().describe('Initial quantity (onboarding only)'),
    floor: quantitySchema.optional().describe('Contract minimum during the term (R3.2)'),
    unitPriceCents: unitPriceSchema
        .optional()
        .describe('Contracted monthly price (R3.6); default the list price')
});

export const licensesTermsSchema = z.partialRecord(licenseCodeSchema, licenseTermsSchema);

const IMPLEMENTATION_CODES = [
    'IMPLEMENTATION_QUICK_START',
    'IMPLEMENTATION_STANDARD',
    'IMPLEMENTATION_ENTERPRISE'
] as const;

export const accountOnboardingSchema = z.object({
    name: z.string().trim().min(1).max(100),
    timeZone: timeZoneSchema,
    smsRateCents: z.number().int().min(0).max(1000).optional().describe('Price of one SMS (R5.1), default 1'),
    billingAdministratorUserId: userIdSchema.optional().describe('Default: the installing user (R1.3)'),
    term: termSchema,
    licenses: licensesTermsSchema,
    implementationService: z
        .object({ code: z.enum(IMPLEMENTATION_CODES), unitPriceCents: unitPriceSchema.optional() })
        .optional(),
    fundingSource: fundingSourceDetailsSchema
        .optional()
        .describe('Primary source; without one, the first month is added to the next bill'),
    firstMonth: z
        .enum(['charge', 'paid_elsewhere'])
        .optional()
        .describe("'paid_elsewhere': the current month was already billed outside PowerDialer Billing")
});

export const onboardingSchema = z.object({
    orgId: orgIdSchema,
    companyName: z.string().trim().min(1).max(200),
    installingUserId: userIdSchema.describe('The Salesforce admin who installed the package'),
    accounts: z.array(accountOnboardingSchema).min(1).max(20)
});

export type OnboardingRequest = z.infer<typeof onboardingSchema>;
export type AccountOnboarding = z.infer<typeof accountOnboardingSchema>;

export const contractChangeSchema = z.object({
    kind: z.enum(['renewal', 'amendment']),
    effectiveOn: isoDateSchema
        .optional()
        .describe('Default: the new term start (renewal) or today (amendment)'),
    term: termSchema.optional().describe('The new term; an amendment keeps the current one by default'),
    licenses: licensesTermsSchema.describe('Floors and prices that change; the others stay'),
    acceptFloorsBelowHoldings: z
        .boolean()
        .optional()
        .describe('Set a per-user floor below the licenses already held, knowingly')
});

export type ContractChangeRequest = z.infer<typeof contractChangeSchema>;

/** R7.5: the services a representative adds; OTHER for anything else, described. */
export const CHARGE_PRODUCTS = ['TRAINING', 'CONSULTING', 'CONTRACT_ADJUSTMENT', 'OTHER'] as const;
export type ChargeProduct = (typeof CHARGE_PRODUCTS)[number];

export const chargeSchema = z.object({
    product: z.enum(CHARGE_PRODUCTS),
    description: z.string().trim().min(1).max(200),
    quantity: z.number().int().min(1).max(10_000),
    unitPriceCents: z.number().int().min(1).max(MAX_UNIT_PRICE_CENTS),
    billing: z.enum(['now', 'next_cycle'])
});

export type ChargeRequest = z.infer<typeof chargeSchema>;

export const creditSchema = z.object({
    amountCents: z.number().int().min(1).max(MAX_UNIT_PRICE_CENTS),
    description: z.string().trim().min(1).max(200)
});

export const refundSchema = z.object({
    amountCents: z
        .number()
        .int()
        .min(1)
        .max(1_000_000_000)
        .optional()
        .describe('Default: all that is left to refund')
});

export const tollFreeSchema = z.object({ phoneNumber: z.string().min(1).max(30) });

export function serviceName(product: ChargeProduct | ServiceCode): string {
    return product === OTHER_SERVICES_PRODUCT_CODE ? 'Other services' : SERVICE_CATALOG[product].name;
}
