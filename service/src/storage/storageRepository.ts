import type { Queryable } from '../db/pool';

/** The account's latest storage measurement, one row per kind (empty when never measured). */
export async function latestStorageSnapshot(db: Queryable, accountId: string): Promise<StorageSnapshotRow[]> {
    const snapshot = await db.query<StorageSnapshotRow>(latestStorageSnapshotSql('$1'), [accountId]);
    return snapshot.rows;
}

export interface StorageSnapshotRow {
    measured_on: string;
    kind: string;
    megabytes: number;
}

/** latestStorageSnapshot's statement, with the account's placeholder, for composing it. */
export function latestStorageSnapshotSql(account: string): string {
    return `SELECT to_char(measured_on, 'YYYY-MM-DD') AS measured_on, kind, megabytes FROM storage_usage
         WHERE billing_account_id = ${account}
           AND measured_on = (SELECT max(measured_on) FROM storage_usage WHERE billing_account_id = ${account})`;
}

/** How many users of the account hold one of `licenseCodes`. */
export async function countLicenseHolders(
    db: Queryable,
    accountId: string,
    licenseCodes: readonly string[]
): Promise<number> {
    const users = await db.query<{ users: number }>(licenseHoldersSql('$1', '$2'), [accountId, licenseCodes]);
    return users.rows[0]?.users ?? 0;
}

/** countLicenseHolders' statement (one row, `users`), with the placeholders of the account and the codes. */
export function licenseHoldersSql(account: string, licenseCodes: string): string {
    return `SELECT count(DISTINCT user_id)::int AS users FROM license_assignments
         WHERE billing_account_id = ${account} AND license_code = ANY(${licenseCodes}::text[])`;
}
