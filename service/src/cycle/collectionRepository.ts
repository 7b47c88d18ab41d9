import { inServiceAt } from '../accounts/billingAccountRepository';
import type { Queryable, Tx } from '../db/pool';

/** How the collection of one cycle bill stands (R4.2): what the admin sees and dunning works from. */
export interface Collection {
    period: string;
    status: 'collecting' | 'paid' | 'past_due';
    attempts: number;
    firstDeclinedAt: Date | null;
    lastAttemptAt: Date | null;
    lastDeclineCode: string | null;
    lastDeclineMessage: string | null;
    waitingForNewSource: boolean;
    nextAttemptAt: Date | null;
}

export interface Attempt {
    attempt: number;
    idempotencyKey: string;
    status: 'pending' | 'succeeded' | 'declined';
}

interface CollectionRow {
    period: string;
    status: Collection['status'];
    attempts: number;
    first_declined_at: Date | null;
    last_attempt_at: Date | null;
    last_decline_code: string | null;
    last_decline_message: string | null;
    waiting_for_new_source: boolean;
    next_attempt_at: Date | null;
}

function fromRow(row: CollectionRow): Collection {
    return {
        period: row.period,
        status: row.status,
        attempts: row.attempts,
        firstDeclinedAt: row.first_declined_at,
        lastAttemptAt: row.last_attempt_at,
        lastDeclineCode: row.last_decline_code,
        lastDeclineMessage: row.last_decline_message,
        waitingForNewSource: row.waiting_for_new_source,
        nextAttemptAt: row.next_attempt_at
    };
}

/** The collection of one cycle with its latest attempt (read under the caller's account lock). */
export async function loadCollection(
    db: Queryable,
    accountId: string,
    period: string
): Promise<{ collection: Collection | undefined; latest: Attempt | undefined }> {
    const found = await db.query<
        Omit<CollectionRow, 'period'> & {
            /** Null when the account has no collection for the period (the LEFT JOIN). */
            period: string | null;
            attempt: number | null;
            idempotency_key: string | null;
            attempt_status: Attempt['status'] | null;
        }
    >(
        `SELECT c.*, t.attempt, t.idempotency_key, t.status AS attempt_status
         FROM billing_accounts a
         LEFT JOIN cycle_collections c ON c.billing_account_id = a.id AND c.period = $2
         LEFT JOIN LATERAL (SELECT * FROM cycle_attempts t WHERE t.billing_account_id = c.billing_account_id
                            AND t.period = c.period ORDER BY t.attempt DESC LIMIT 1) t ON true
         WHERE a.id = $1`,
        [accountId, period]
    );
    const row = found.rows[0];
    if (row === undefined || row.period === null) return { collection: undefined, latest: undefined };
    const latest =
        row.attempt === null || row.idempotency_key === null || row.attempt_status === null
            ? undefined
            : { attempt: row.attempt, idempotencyKey: row.idempotency_key, status: row.attempt_status };
    return { collection: fromRow({ ...row, period: row.period }), latest };
}

/** The latest collection of an account (the billing summary's "payment failed on …, next try …"). */
export async function latestCollection(db: Queryable, accountId: string): Promise<Collection | undefined> {
    const found = await db.query<CollectionRow>(
        'SELECT * FROM cycle_collections WHERE billing_account_id = $1 ORDER BY period DESC LIMIT 1',
        [accountId]
    );
    const row = found.rows[0];
    return row === undefined ? undefined : fromRow(row);
}

/**
 * Records a new attempt 'pending' with its key (committed before the processor is called), and
 * leases the collection until `leaseUntil`: if the worker dies, a later sweep resumes it with
 * the same key.
 */
export async function openAttempt(
    db: Queryable,
    input: {
        accountId: string;
        period: string;
        attempt: number;
        idempotencyKey: string;
        now: Date;
        leaseUntil: Date;
    }
): Promise<void> {
    await db.query(
        `WITH collection AS (
             INSERT INTO cycle_collections (billing_account_id, period, status, attempts, last_attempt_at, next_attempt_at, updated_at)
             VALUES ($1, $2, 'collecting', $3, $5, $6, $5)
             ON CONFLICT (billing_account_id, period) DO UPDATE
                 SET status = 'collecting', attempts = $3, last_attempt_at = $5, next_attempt_at = $6, updated_at = $5
             RETURNING billing_account_id, period)
         INSERT INTO cycle_attempts (billing_account_id, period, attempt, idempotency_key, status, started_at)
         SELECT billing_account_id, period, $3, $4, 'pending', $5 FROM collection`,
        [input.accountId, input.period, input.attempt, input.idempotencyKey, input.now, input.leaseUntil]
    );
}

/**
 * The common case of a cycle in one statement, on its own (autocommit): with the account row
 * locked (in service at `now`), the collection of `period` is created with its first attempt
 * 'pending' under `idempotencyKey` unless the collection exists (its unique key decides, also
 * against a racing worker). Undefined when the account is not in service; `opened` false when
 * the collection existed (the caller decides under the lock what is due).
 */
export async function openFirstAttempt(
    db: Queryable,
    input: { accountId: string; period: string; idempotencyKey: string; now: Date; leaseUntil: Date }
): Promise<{ timeZone: string; opened: boolean } | undefined> {
    const found = await db.query<{ time_zone: string; opened: boolean }>(
        `WITH account AS (
             SELECT a.id, a.time_zone FROM billing_accounts a WHERE a.id = $1 AND ${inServiceAt('$4')} FOR UPDATE),
         collection AS (
             INSERT INTO cycle_collections (billing_account_id, period, status, attempts, last_attempt_at, next_attempt_at, updated_at)
             SELECT id, $2, 'collecting', 1, $4, $5, $4 FROM account
             ON CONFLICT (billing_account_id, period) DO NOTHING
             RETURNING billing_account_id, period),
         attempt AS (
             INSERT INTO cycle_attempts (billing_account_id, period, attempt, idempotency_key, status, started_at)
             SELECT billing_account_id, period, 1, $3, 'pending', $4 FROM collection RETURNING attempt)
         SELECT account.time_zone, EXISTS (SELECT 1 FROM attempt) AS opened FROM account`,
        [input.accountId, input.period, input.idempotencyKey, input.now, input.leaseUntil]
    );
    const row = found.rows[0];
    return row === undefined ? undefined : { timeZone: row.time_zone, opened: row.opened };
}

/**
 * openFirstAttempt for a batch of accounts in one statement and one commit (the sweep's batch job):
 * the accounts' rows locked in id order, each cycle's collection and attempt 1 (key
 * `cycle:<period>:1`) inserted unless its collection exists. Returns the accounts in service, with
 * `opened` true where attempt 1 was just committed.
 */
export async function openFirstAttempts(
    db: Queryable,
    items: readonly { accountId: string; period: string }[],
    input: { now: Date; leaseUntil: Date }
): Promise<Map<string, { timeZone: string; opened: boolean }>> {
    const found = await db.query<{ id: string; time_zone: string; opened: boolean }>(
        `WITH account AS (
             SELECT a.id, a.time_zone, w.period FROM billing_accounts a
             JOIN unnest($1::uuid[], $2::text[]) AS w(id, period) ON w.id = a.id
             WHERE ${inServiceAt('$3')} ORDER BY a.id FOR UPDATE OF a),
         collection AS (
             INSERT INTO cycle_collections (billing_account_id, period, status, attempts, last_attempt_at, next_attempt_at, updated_at)
             SELECT id, period, 'collecting', 1, $3, $4, $3 FROM account
             ON CONFLICT (billing_account_id, period) DO NOTHING
             RETURNING billing_account_id, period),
         attempt AS (
             INSERT INTO cycle_attempts (billing_account_id, period, attempt, idempotency_key, status, started_at)
             SELECT billing_account_id, period, 1, 'cycle:' || period || ':1', 'pending', $3 FROM collection
             RETURNING billing_account_id)
         SELECT account.id, account.time_zone,
                EXISTS (SELECT 1 FROM attempt WHERE attempt.billing_account_id = account.id) AS opened
         FROM account`,
        [items.map((item) => item.accountId), items.map((item) => item.period), input.now, input.leaseUntil]
    );
    return new Map(found.rows.map((row) => [row.id, { timeZone: row.time_zone, opened: row.opened }]));
}

/**
 * Waits for and locks the attempt row; true when it is still pending (no other worker settled it
 * meanwhile: the row is read again after the wait). Only a pending attempt is charged.
 */
export async function lockPendingAttempt(
    tx: Tx,
    input: { accountId: string; period: string; attempt: number }
): Promise<boolean> {
    const locked = await tx.query(
        `SELECT 1 FROM cycle_attempts WHERE billing_account_id = $1 AND period = $2 AND attempt = $3
             AND status = 'pending' FOR UPDATE`,
        [input.accountId, input.period, input.attempt]
    );
    return locked.rowCount === 1;
}

export async function settleAttempt(
    db: Queryable,
    input: { accountId: string; period: string; attempt: number; status: 'declined'; now: Date }
): Promise<void> {
    await db.query(
        `UPDATE cycle_attempts SET status = $4, settled_at = $5
         WHERE billing_account_id = $1 AND period = $2 AND attempt = $3`,
        [input.accountId, input.period, input.attempt, input.status, input.now]
    );
}

/** The attempt succeeded: it and the collection are settled in one statement. */
export async function markPaid(
    db: Queryable,
    input: { accountId: string; period: string; attempt: number; transactionId: string | null; now: Date }
): Promise<void> {
    await db.query(
        `WITH attempt AS (
             UPDATE cycle_attempts SET status = 'succeeded', settled_at = $5
             WHERE billing_account_id = $1 AND period = $2 AND attempt = $3)
         UPDATE cycle_collections SET status = 'paid', next_attempt_at = NULL, waiting_for_new_source = false,
             transaction_id = $4, updated_at = $5
         WHERE billing_account_id = $1 AND period = $2`,
        [input.accountId, input.period, input.attempt, input.transactionId, input.now]
    );
}

/**
 * After a decline (or a skipped slot): the next try at `nextDay`'s local morning, or past due
 * when `nextDay` is null. Returns the next try's instant.
 */
export async function scheduleNextAttempt(
    db: Queryable,
    input: {
        accountId: string;
        period: string;
        nextDay: number | null;
        localHour: number;
        decline?: { code: string; message: string; hard: boolean };
        now: Date;
    }
): Promise<Date | null> {
    const updated = await db.query<{ next_attempt_at: Date | null }>(
        `UPDATE cycle_collections c SET
             status = CASE WHEN $3::int IS NULL THEN 'past_due' ELSE 'collecting' END,
             next_attempt_at = CASE WHEN $3::int IS NULL THEN NULL
                 ELSE (to_date(c.period || '-' || lpad($3::text, 2, '0'), 'YYYY-MM-DD') + make_time($4, 0, 0))
                      AT TIME ZONE a.time_zone END,
             first_declined_at = COALESCE(c.first_declined_at, CASE WHEN $5::text IS NULL THEN NULL ELSE $8::timestamptz END),
             last_decline_code = COALESCE($5, c.last_decline_code),
             last_decline_message = COALESCE($6, c.last_decline_message),
             waiting_for_new_source = COALESCE($7, c.waiting_for_new_source),
             updated_at = $8
         FROM billing_accounts a
         WHERE a.id = c.billing_account_id AND c.billing_account_id = $1 AND c.period = $2
         RETURNING c.next_attempt_at`,
        [
            input.accountId,
            input.period,
            input.nextDay,
            input.localHour,
            input.decline?.code ?? null,
            input.decline?.message ?? null,
            input.decline?.hard ?? null,
            input.now
        ]
    );
    return updated.rows[0]?.next_attempt_at ?? null;
}

/**
 * R4.2 a funding source was added or changed: every unpaid cycle of the account is tried again
 * at once (hard declines too, and past-due ones). Call it in the change's transaction, then wake
 * the queue (deps.jobs.retryCycleNow) after commit.
 */
export async function reopenCollectionsForNewSource(
    db: Queryable,
    accountId: string,
    now: Date
): Promise<number> {
    const reopened = await db.query(
        `UPDATE cycle_collections SET status = 'collecting', waiting_for_new_source = false, next_attempt_at = $2, updated_at = $2
         WHERE billing_account_id = $1 AND status IN ('collecting', 'past_due')`,
        [accountId, now]
    );
    return reopened.rowCount ?? 0;
}
