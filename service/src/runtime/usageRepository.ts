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

/**
 * R10.3: inserts the events of users the account knows (they hold a license on it) whose id the
 * account has not seen (the unique index decides, also against a concurrent batch); answers how
 * many were new, what they cost, and which users were known. Rows go in in id order, so two
 * batches sharing events wait on each other instead of deadlocking. A free event (a call that never
 * connected) refers to no transfer.
 */
export async function insertNewEvents(
    tx: Tx,
    input: { accountId: string; transferId: string; events: readonly RatedEvent[] }
): Promise<{ inserted: number; cents: Cents; knownUsers: Set<string> }> {
    const events = [...input.events].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const result = await tx.query<{ inserted: number; cents: number; known: string[] }>({
        name: 'runtime-insert-usage',
        text: `WITH known AS (
             SELECT DISTINCT user_id FROM license_assignments
             WHERE billing_account_id = $1 AND user_id = ANY($4::text[])),
         new AS (
             INSERT INTO minute_usage (billing_account_id, event_id, user_id, occurred_at, call_seconds, sms_count,
                                       rated_cents, ledger_transfer_id)
             SELECT $1, u.event_id, u.user_id, u.occurred_at, u.call_seconds, u.sms_count, u.rated_cents,
                    CASE WHEN u.rated_cents > 0 THEN $2 END
             FROM unnest($3::text[], $4::text[], $5::timestamptz[], $6::int[], $7::int[], $8::bigint[])
                 WITH ORDINALITY AS u(event_id, user_id, occurred_at, call_seconds, sms_count, rated_cents, n)
             WHERE u.user_id IN (SELECT user_id FROM known)
             ORDER BY u.n
             ON CONFLICT (billing_account_id, event_id) DO NOTHING
             RETURNING rated_cents)
         SELECT (SELECT count(*)::int FROM new) AS inserted,
                (SELECT coalesce(sum(rated_cents), 0)::bigint FROM new) AS cents,
                (SELECT coalesce(array_agg(user_id::text), '{}') FROM known) AS known`,
        values: [
            input.accountId,
            input.transferId,
            events.map((event) => event.id),
            events.map((event) => event.userId),
            events.map((event) => event.occurredAt),
            events.map((event) => event.callSeconds),
            events.map((event) => event.smsCount),
            events.map((event) => event.ratedCents)
        ]
    });
    const row = result.rows[0];
    return { inserted: row?.inserted ?? 0, cents: row?.cents ?? 0, knownUsers: new Set(row?.known ?? []) };
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
