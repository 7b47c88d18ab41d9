import { storageFee, totalUsageBytes } from './storageFee';
import type { StorageFee, StorageUsage } from './storageFee';

/** R6.3: the three ways to lower storage, as the FAQ gives them. */
export const WAYS_TO_LOWER_STORAGE: readonly string[] = [
    'Delete and purge database information you no longer use.',
    'Keep the Files tab clean, especially by removing call recordings and large files.',
    'Upload only the data lists you will actually work in the near future.'
];

export interface StorageReport extends StorageFee {
    readonly byKind: StorageUsage;
    readonly waysToLower: readonly string[];
}

/** R6.3: what View Storage shows: usage by kind, the allowance, the fee it leads to, and how to lower it. */
export function storageReport(users: number, usage: StorageUsage): StorageReport {
    return {
        ...storageFee(users, totalUsageBytes(usage)),
        byKind: usage,
        waysToLower: WAYS_TO_LOWER_STORAGE
    };
}
