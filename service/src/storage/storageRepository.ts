import type { Queryable } from '../db/pool';

/** The account's latest storage measurement, one row per kind (empty when never measured). */
export async function latestStorageSnapshot(
    db: Queryable,
    accountId: string
): Promise<{ measured_on: string; kind: string; megabytes: number }[]> {
    const snapshot = await db.query<{ measured_on: string; kind: string; megabytes: number }>(
        `SELECT to_char(measured_on, 'YYYY-MM-DD') AS measured_on, kind, megabytes FROM storage_usage
         WHERE billing_account_id = $1
           AND measured_on = (SELECT max(measured_on) FROM storage_usage WHERE billing_account_id = $1)`,
        [accountId]
    );
    return snapshot.rows;
}

/** How many users of the account hold one of `licenseCodes`. */
export async function countLicenseHolders(
    db: Queryable,
    accountId: string,
    licenseCodes: readonly string[]
): Promise<number> {
    const users = await db.query<{ users: number }>(
        `SELECT count(DISTINCT user_id)::int AS users FROM license_assignments
         WHERE billing_account_id = $1 AND license_code = ANY($2)`,
        [accountId, licenseCodes]
    );
    return users.rows[0]?.users ?? 0;
}
