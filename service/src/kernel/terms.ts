import { z } from 'zod';

/** Bump when the terms text changes: authorizations carrying an older version are refused (R9.1). */
export const TERMS_VERSION = '2026-11-01';

export const TERMS_TEXT = [
    'By typing your first and last name and accepting, you confirm that you are authorised by your company',
    'to make this change to its PowerDialer billing, that charges shown before you accepted will be made on the',
    "account's funding sources, that licenses added mid-month are charged at once, prorated to the days left in",
    'the month, that licenses removed earn no credit and are billed lower from the next cycle, and that',
    'cancelling takes effect at the end of the contract term.'
].join(' ');

/** R9.1: every mutating body carries the typed name of the admin and the terms version they accepted. */
export const authorizationSchema = z
    .object({
        firstName: z.string().trim().min(1).max(100),
        lastName: z.string().trim().min(1).max(100),
        termsVersion: z.string().min(1).max(40),
        accepted: z.literal(true)
    })
    .describe('The admin’s typed first and last name and the accepted terms version (R9.1).');

export type Authorization = z.infer<typeof authorizationSchema>;
