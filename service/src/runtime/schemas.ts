import { z } from 'zod';
import { licenseCodeSchema } from '../../../core/index';
import { PORT_PURPOSES } from './acquirePort';
import { SEAT_LICENSES } from './acquireSeat';

export const salesforceIdSchema = z
    .string()
    .regex(/^[a-zA-Z0-9]{18}$/, 'an 18-character Salesforce id')
    .describe('18-character Salesforce id');

/** Every runtime request names the org and (but for usage batches) the user. */
export const subjectSchema = z.object({
    orgId: salesforceIdSchema.describe('The company: its 18-character Salesforce org id'),
    accountId: z.uuid().optional().describe('The billing account; may be left out when the org has only one'),
    userId: salesforceIdSchema.describe('The Salesforce user the dialer acts for')
});

export const leaseIdSchema = z
    .uuid()
    .describe('Chosen by the dialer: a retry with the same id gets the same lease');

export const seatBodySchema = subjectSchema.extend({
    license: z.enum(SEAT_LICENSES),
    leaseId: leaseIdSchema
});

export const portBodySchema = subjectSchema.extend({
    purpose: z.enum(PORT_PURPOSES),
    leaseId: leaseIdSchema
});

export const leaseSchema = z.object({
    leaseId: z.uuid(),
    accountId: z.uuid(),
    license: licenseCodeSchema,
    purpose: z.enum(['seat', ...PORT_PURPOSES]),
    expiresAt: z.string().describe('ISO 8601 instant: renew before it'),
    ttlSeconds: z.number().int(),
    inUse: z.number().int().describe('Live leases of this pool now, this one included'),
    quantity: z.number().int().describe('The pool: licenses or ports purchased')
});

export const leaseParamsSchema = z.object({ leaseId: z.uuid() });

export const leaseCallerSchema = subjectSchema.pick({ orgId: true, userId: true });

export const leaseStateSchema = z.object({
    leaseId: z.uuid(),
    license: licenseCodeSchema,
    expiresAt: z.string(),
    live: z.boolean()
});

export const checkBodySchema = subjectSchema.extend({
    licenses: z.array(licenseCodeSchema).max(20).default([])
});

export const usageBodySchema = z.object({
    orgId: subjectSchema.shape.orgId,
    accountId: subjectSchema.shape.accountId,
    events: z
        .array(z.unknown())
        .min(1)
        .max(1000)
        .describe(
            'Up to 1,000 events {id, userId, kind: "call", seconds | kind: "sms", messages, occurredAt}; each is checked on its own'
        )
});

export const usageAnswerSchema = z.object({
    accountId: z.uuid(),
    new: z.number().int().describe('Events recorded and debited by this request'),
    duplicate: z.number().int().describe('Events already recorded (by any batch): not counted again'),
    refused: z.array(
        z.object({
            index: z.number().int(),
            id: z.string().nullable(),
            code: z.string(),
            message: z.string()
        })
    ),
    debitedCents: z.number().int()
});
