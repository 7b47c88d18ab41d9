import { z } from 'zod';
import { BillingError } from '../errors';
import type { Cents } from '../money/cents';
import { multiplyCents } from '../money/cents';

export const BYTES_PER_MEGABYTE = 1024 * 1024;
export const MEGABYTES_PER_GIGABYTE = 1024;
export const BYTES_PER_GIGABYTE = BYTES_PER_MEGABYTE * MEGABYTES_PER_GIGABYTE;
export const BASE_ALLOWANCE_MB = 250;
export const USERS_IN_BASE_ALLOWANCE = 5;
export const ALLOWANCE_MB_PER_EXTRA_USER = 50;
export const FEE_PER_STARTED_GIGABYTE: Cents = 3000;

/** Bytes used, by the kinds View Storage shows (R6.3). */
export interface StorageUsage {
    readonly records: number;
    readonly filesAndRecordings: number;
    readonly dataLists: number;
}

const bytesSchema = z.number().int().min(0).refine(Number.isSafeInteger);
export const storageUsageSchema = z.object({
    records: bytesSchema,
    filesAndRecordings: bytesSchema,
    dataLists: bytesSchema
});

/** R6.1: 250 MB for up to five users, plus 50 MB per user beyond five (35 users → 1,750 MB). */
export function storageAllowanceMb(users: number): number {
    return BASE_ALLOWANCE_MB + ALLOWANCE_MB_PER_EXTRA_USER * Math.max(0, users - USERS_IN_BASE_ALLOWANCE);
}

export interface StorageFee {
    readonly allowanceBytes: number;
    readonly usageBytes: number;
    readonly overAllowance: boolean;
    /** Started gigabytes of total usage billed (0 within the allowance). */
    readonly billedGigabytes: number;
    readonly fee: Cents;
    /** Usage the same fee covers: the account may grow to this without paying more (null within the allowance). */
    readonly feeCoversUpToBytes: number | null;
}

/** R6.2: over the allowance, $30 per started gigabyte of TOTAL usage; $0 within it. */
export function storageFee(users: number, usageBytes: number): StorageFee {
    if (!Number.isSafeInteger(users) || users < 0 || !Number.isSafeInteger(usageBytes) || usageBytes < 0) {
        throw new BillingError('invalid_input', 'Users and storage used are whole, non-negative numbers.', {
            users,
            usageBytes
        });
    }
    const allowanceBytes = storageAllowanceMb(users) * BYTES_PER_MEGABYTE;
    const overAllowance = usageBytes > allowanceBytes;
    // Dividing by 2^30 is exact in floating point, so the ceiling counts started gigabytes exactly.
    const billedGigabytes = overAllowance ? Math.ceil(usageBytes / BYTES_PER_GIGABYTE) : 0;
    return {
        allowanceBytes,
        usageBytes,
        overAllowance,
        billedGigabytes,
        fee: multiplyCents(FEE_PER_STARTED_GIGABYTE, billedGigabytes),
        feeCoversUpToBytes: overAllowance ? billedGigabytes * BYTES_PER_GIGABYTE : null
    };
}

export function totalUsageBytes(usage: StorageUsage): number {
    return usage.records + usage.filesAndRecordings + usage.dataLists;
}
