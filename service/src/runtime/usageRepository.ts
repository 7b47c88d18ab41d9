import type { Cents } from '../../../core/index';
import type { Queryable, Tx } from '../db/pool';

export interface RatedEvent {
    id: string;
    userId: string;
    occurredAt: Date;
    callSeconds: number;
    smsCount: number;
    ratedCents: Cents;
}

/** Of `userIds`, those that hold a license on the account (a user the account knows). */
export async function findAccountUsers(
    db: Queryable,
    accountId: string,
    userIds: readonly string[]
): Promise<Set<string>> {
    const result = await db.query<{ user_id: string }>(
        `SELECT DISTINCT user_id FROM license_assignments WHERE billing_account_id = $1 AND user_id = ANY($2::text[])`,
        [accountId, userIds]
    );
    return new Set(result.rows.map((row) => row.user_id));
}

/**
 * R10.3: inserts the events whose id the account has not seen (the unique index decides, also
 * against a concurrent batch); answers how many were new and what they cost. Rows are inserted in
 * id order, so two batches sharing events wait on each other instead of deadlocking. A free event
 * (a call that never connected) refers to no transfer.
 */
export async function insertNewEvents(
    tx: Tx,
    input: { accountId: string; transferId: string; events: readonly RatedEvent[] }
): Promise<{ inserted: number; cents: Cents }> {
    const events = [...input.events].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const result = await tx.query<{ inserted: number; cents: number }>(
        `WITH new AS (
             INSERT INTO minute_usage (billing_account_id, event_id, user_id, occurred_at, call_seconds, sms_count,
                                       rated_cents, ledger_transfer_id)
             SELECT $1, u.event_id, u.user_id, u.occurred_at, u.call_seconds, u.sms_count, u.rated_cents,
                    CASE WHEN u.rated_cents > 0 THEN $2 END
             FROM unnest($3::text[], $4::text[], $5::timestamptz[], $6::int[], $7::int[], $8::bigint[])
                 WITH ORDINALITY AS u(event_id, user_id, occurred_at, call_seconds, sms_count, rated_cents, n)
             ORDER BY u.n
             ON CONFLICT (billing_account_id, event_id) DO NOTHING
             RETURNING rated_cents)
         SELECT count(*)::int AS inserted, coalesce(sum(rated_cents), 0)::bigint AS cents FROM new`,
        [
            input.accountId,
            input.transferId,
            events.map((event) => event.id),
            events.map((event) => event.userId),
            events.map((event) => event.occurredAt),
            events.map((event) => event.callSeconds),
            events.map((event) => event.smsCount),
            events.map((event) => event.ratedCents)
        ]
    );
    return { inserted: result.rows[0]?.inserted ?? 0, cents: result.rows[0]?.cents ?? 0 };
}

/**
 * R5.3: records whether the balance is below the recharge threshold; true only for the one
 * request that flips it from above (or unknown) to below: that request is the crossing.
 */
export async function markBelowThreshold(
    db: Queryable,
    input: { accountId: string; below: boolean; now: Date }
): Promise<boolean> {
    const result = await db.query<{ below_threshold: boolean }>(
        `INSERT INTO runtime_recharge_watch AS w (billing_account_id, below_threshold, changed_at) VALUES ($1, $2, $3)
         ON CONFLICT (billing_account_id) DO UPDATE SET below_threshold = EXCLUDED.below_threshold, changed_at = EXCLUDED.changed_at
         WHERE w.below_threshold <> EXCLUDED.below_threshold
         RETURNING below_threshold`,
        [input.accountId, input.below, input.now]
    );
    return result.rows[0]?.below_threshold === true;
}
