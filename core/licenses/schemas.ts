import { z } from 'zod';
import { licenseCodeSchema } from '../catalog/licenses';
import type { LicenseCode } from '../catalog/licenses';
import { nonNegativeCentsSchema } from '../money/cents';
import type { Cents } from '../money/cents';

export const MAX_QUANTITY = 100_000;

export const quantitySchema = z.number().int().min(0).max(MAX_QUANTITY);

export type { LicenseQuantities } from './licenseQuantities';
export const licenseQuantitiesSchema = z.partialRecord(licenseCodeSchema, quantitySchema);

/** Contracted monthly unit price per license (R3.6). */
export type LicensePrices = Partial<Record<LicenseCode, Cents>>;
export const licensePricesSchema = z.partialRecord(licenseCodeSchema, nonNegativeCentsSchema);

/** A Salesforce user id (15 or 18 characters) or any stable user key the service uses. */
export const userIdSchema = z.string().min(1).max(64);

export const assignmentSchema = z.object({ userId: userIdSchema, license: licenseCodeSchema });
export type Assignment = z.infer<typeof assignmentSchema>;

export const assignmentChangeSchema = z.object({
    userId: userIdSchema,
    license: licenseCodeSchema,
    action: z.enum(['assign', 'remove'])
});
export type AssignmentChange = z.infer<typeof assignmentChangeSchema>;

export const assignmentChangesSchema = z.array(assignmentChangeSchema).min(1).max(10_000);

export { quantityOf } from './licenseQuantities';
