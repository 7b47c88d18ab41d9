import { BASE_LICENSES, storageReport, type StorageReport } from '../../../core/index';
import { BYTES_PER_MEGABYTE } from '../../../core/storage/storageFee';
import type { Queryable } from '../db/pool';

export interface StorageView extends StorageReport {
    measuredOn: string | null;
    users: number;
}

/**
 * R6.3 View Storage from the latest snapshot in `storage_usage`. The allowance counts the users of
 * the system on this account: those holding a base license (CRM or CRM-View Only, R2.1).
 */
export async function storageView(db: Queryable, accountId: string): Promise<StorageView> {
    const snapshot = await db.query<{ measured_on: string; kind: string; megabytes: number }>(
        `SELECT to_char(measured_on, 'YYYY-MM-DD') AS measured_on, kind, megabytes FROM storage_usage
         WHERE billing_account_id = $1
           AND measured_on = (SELECT max(measured_on) FROM storage_usage WHERE billing_account_id = $1)`,
        [accountId]
    );
    const users = await db.query<{ users: number }>(
        `SELECT count(DISTINCT user_id)::int AS users FROM license_assignments
         WHERE billing_account_id = $1 AND license_code = ANY($2)`,
        [accountId, BASE_LICENSES]
    );
    const megabytes = (kind: string) => snapshot.rows.find((row) => row.kind === kind)?.megabytes ?? 0;
    const userCount = users.rows[0]?.users ?? 0;
    return {
        measuredOn: snapshot.rows[0]?.measured_on ?? null,
        users: userCount,
        ...storageReport(userCount, {
            records: megabytes('records') * BYTES_PER_MEGABYTE,
            filesAndRecordings: megabytes('files') * BYTES_PER_MEGABYTE,
            dataLists: megabytes('data_lists') * BYTES_PER_MEGABYTE
        })
    };
}
