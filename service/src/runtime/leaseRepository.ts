import type { LicenseCode } from '../../../core/index';
import { statusAt, type BillingAccount } from '../accounts/billingAccountRepository';
import type { Queryable } from '../db/pool';
import { runtimeAccountsSql } from './runtimeAccountRepository';

export type LeasePurpose = 'seat' | 'voicemail' | 'inbound' | 'recording' | 'fax';

export interface PoolCount {
    license: LicenseCode;
    inUse: number;
    quantity: number;
}

/** What runtime_take_lease answered (see migration 0400). */
export type TakeOutcome =
    | { outcome: 'granted' | 'existing'; license: LicenseCode; expiresAt: string; pools: PoolCount[] }
    | { outcome: 'conflict' }
    | { outcome: 'refused'; pools: PoolCount[] };

export interface TakeLeaseInput {
    orgId: string;
    /** Optional when the org has one billing account. */
    accountId: string | undefined;
    userId: string;
    leaseId: string;
    purpose: LeasePurpose;
    /** Licenses the user must hold (the license and its prerequisites, R2.4). */
    required: readonly LicenseCode[];
    /** Pools to try, in order (recording: Recording Port, then Flex Port). */
    pools: readonly LicenseCode[];
    now: Date;
    ttlSeconds: number;
}

export interface TakeLeaseRow {
    /** Accounts of the org that match (0: none, 2: several and none named). */
    accounts: number;
    accountId: string | null;
    status: BillingAccount['status'] | null;
    /** Licenses the user holds on the account. */
    held: LicenseCode[];
    /** null when a check failed before any lease was tried. */
    lease: TakeOutcome | null;
}

/**
 * The one statement of an acquire: finds the account in the caller's org, its status at `now`,
 * the user's licenses, and only when the account is in service and the user holds every required
 * license, takes the lease (runtime_take_lease: never over-granted, idempotent on the lease id).
 */
export async function takeLease(db: Queryable, input: TakeLeaseInput): Promise<TakeLeaseRow> {
    const result = await db.query<{
        accounts: number;
        account_id: string | null;
        status: BillingAccount['status'] | null;
        held: LicenseCode[];
        lease: TakeOutcome | null;
    }>({
        // Named: parsed and planned once per connection, not on every call of the hot path.
        name: 'runtime-take-lease',
        text: `WITH account AS (
             SELECT a.id, ${statusAt('$3')} AS status FROM billing_accounts a
             WHERE a.id IN (${runtimeAccountsSql('$1', '$2')})),
         one AS (SELECT * FROM account WHERE (SELECT count(*) FROM account) = 1),
         held AS (
             SELECT coalesce(array_agg(la.license_code::text), '{}') AS licenses FROM license_assignments la
             WHERE la.billing_account_id = (SELECT id FROM one) AND la.user_id = $4)
         SELECT (SELECT count(*)::int FROM account) AS accounts, (SELECT id FROM one) AS account_id,
                (SELECT status FROM one) AS status, held.licenses AS held,
                CASE WHEN (SELECT status FROM one) <> 'cancelled' AND held.licenses @> $5::text[]
                     THEN runtime_take_lease($6, (SELECT id FROM one), $4, $7, $8::text[], $3, $9) END AS lease
         FROM held`,
        values: [
            input.orgId,
            input.accountId ?? null,
            input.now,
            input.userId,
            input.required,
            input.leaseId,
            input.purpose,
            input.pools,
            input.ttlSeconds
        ]
    });
    const row = result.rows[0];
    if (row === undefined) throw new Error('the acquire statement returned no row');
    return {
        accounts: row.accounts,
        accountId: row.account_id,
        status: row.status,
        held: row.held,
        lease: row.lease
    };
}

export interface LeaseRow {
    id: string;
    accountId: string;
    license: LicenseCode;
    purpose: LeasePurpose;
    expiresAt: Date;
}

interface Row {
    id: string;
    billing_account_id: string;
    license_code: LicenseCode;
    purpose: LeasePurpose;
    expires_at: Date;
}

const toLease = (row: Row): LeaseRow => ({
    id: row.id,
    accountId: row.billing_account_id,
    license: row.license_code,
    purpose: row.purpose,
    expiresAt: row.expires_at
});

const LEASE_COLUMNS = 'l.id, l.billing_account_id, l.license_code, l.purpose, l.expires_at';
const CALLERS_LEASE = `l.id = $1 AND l.user_id = $3
    AND l.billing_account_id IN (SELECT a.id FROM billing_accounts a WHERE a.org_id = $2)`;

/** Extends a live lease of this org's user by the TTL from now; undefined when it is not live. */
export async function renewLiveLease(
    db: Queryable,
    input: { leaseId: string; orgId: string; userId: string; now: Date; ttlSeconds: number }
): Promise<LeaseRow | undefined> {
    const result = await db.query<Row>({
        name: 'runtime-renew-lease',
        text: `UPDATE runtime_leases l SET expires_at = $4::timestamptz + make_interval(secs => $5), renewed_at = $4
               WHERE ${CALLERS_LEASE} AND l.released_at IS NULL AND l.expires_at > $4
               RETURNING ${LEASE_COLUMNS}`,
        values: [input.leaseId, input.orgId, input.userId, input.now, input.ttlSeconds]
    });
    return result.rows[0] === undefined ? undefined : toLease(result.rows[0]);
}

/** Ends a lease of this org's user now; undefined when it was already over (or is not theirs). */
export async function releaseOpenLease(
    db: Queryable,
    input: { leaseId: string; orgId: string; userId: string; now: Date }
): Promise<LeaseRow | undefined> {
    const result = await db.query<Row>({
        name: 'runtime-release-lease',
        text: `UPDATE runtime_leases l SET released_at = $4, expires_at = least(l.expires_at, $4)
               WHERE ${CALLERS_LEASE} AND l.released_at IS NULL
               RETURNING ${LEASE_COLUMNS}`,
        values: [input.leaseId, input.orgId, input.userId, input.now]
    });
    return result.rows[0] === undefined ? undefined : toLease(result.rows[0]);
}

/** The lease of this org's user, live or not. */
export async function findCallersLease(
    db: Queryable,
    input: { leaseId: string; orgId: string; userId: string }
): Promise<LeaseRow | undefined> {
    const result = await db.query<Row>(
        `SELECT ${LEASE_COLUMNS} FROM runtime_leases l WHERE ${CALLERS_LEASE}`,
        [input.leaseId, input.orgId, input.userId]
    );
    return result.rows[0] === undefined ? undefined : toLease(result.rows[0]);
}

/** Deletes leases over (expired or released) before `endedBefore` and refusals older than `refusedBefore`. */
export async function deleteEndedLeases(
    db: Queryable,
    input: { endedBefore: Date; refusedBefore: Date }
): Promise<{ leases: number; refusals: number }> {
    const leases = await db.query('DELETE FROM runtime_leases WHERE expires_at < $1', [input.endedBefore]);
    const refusals = await db.query('DELETE FROM runtime_refusals WHERE refused_at < $1', [
        input.refusedBefore
    ]);
    return { leases: leases.rowCount ?? 0, refusals: refusals.rowCount ?? 0 };
}
