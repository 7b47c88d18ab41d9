import { BASE_LICENSES, storageReport, type StorageReport } from '../../../core/index';
import { BYTES_PER_MEGABYTE } from '../../../core/storage/storageFee';
import type { Queryable } from '../db/pool';
import { countLicenseHolders, latestStorageSnapshot, type StorageSnapshotRow } from './storageRepository';

export interface StorageView extends StorageReport {
    measuredOn: string | null;
    users: number;
}

/**
 * R6.3 View Storage from the latest snapshot in `storage_usage`. The allowance counts the users of
 * the system on this account: those holding a base license (CRM or CRM-View Only, R2.1).
 */
export async function storageView(db: Queryable, accountId: string): Promise<StorageView> {
    const snapshot = await latestStorageSnapshot(db, accountId);
    return storageViewOf(snapshot, await countLicenseHolders(db, accountId, BASE_LICENSES));
}

/** The view of a snapshot read with others in one statement (the cycle's). */
export function storageViewOf(snapshot: readonly StorageSnapshotRow[], userCount: number): StorageView {
    const megabytes = (kind: string) => snapshot.find((row) => row.kind === kind)?.megabytes ?? 0;
    return {
        measuredOn: snapshot[0]?.measured_on ?? null,
        users: userCount,
        ...storageReport(userCount, {
            records: megabytes('records') * BYTES_PER_MEGABYTE,
            filesAndRecordings: megabytes('files') * BYTES_PER_MEGABYTE,
            dataLists: megabytes('data_lists') * BYTES_PER_MEGABYTE
        })
    };
}
