import {
    type Cents,
    addDays,
    calendarDateIn,
    startOfDayInstant,
    toIsoDate,
    type IsoDate
} from '../../../core/index';
import type { Queryable, Tx } from '../db/pool';

export interface UsageDay {
    date: IsoDate;
    callSeconds: number;
    smsCount: number;
    amountCents: Cents;
}

/** Rated usage in [from, to), in cents. */
export async function usageBetween(db: Queryable, accountId: string, from: Date, to: Date): Promise<Cents> {
    const result = await db.query<{ total: number }>(
        `SELECT coalesce(sum(rated_cents), 0)::bigint AS total FROM minute_usage
         WHERE billing_account_id = $1 AND occurred_at >= $2 AND occurred_at < $3`,
        [accountId, from, to]
    );
    return result.rows[0]?.total ?? 0;
}

/** Usage per calendar day of the account's time zone, the last `days` days up to today, days without usage as zero. */
export async function usageByDay(
    db: Queryable,
    account: { id: string; timeZone: string },
    days: number,
    now: Date
): Promise<UsageDay[]> {
    const today = calendarDateIn(now, account.timeZone);
    const first = addDays(today, -(days - 1));
    const result = await db.query<{ day: string; call_seconds: number; sms_count: number; amount: number }>(
        `SELECT to_char(occurred_at AT TIME ZONE $4, 'YYYY-MM-DD') AS day,
                sum(call_seconds)::bigint AS call_seconds, sum(sms_count)::bigint AS sms_count, sum(rated_cents)::bigint AS amount
         FROM minute_usage
         WHERE billing_account_id = $1 AND occurred_at >= $2 AND occurred_at < $3
         GROUP BY 1`,
        [
            account.id,
            startOfDayInstant(first, account.timeZone),
            startOfDayInstant(addDays(today, 1), account.timeZone),
            account.timeZone
        ]
    );
    const byDay = new Map(result.rows.map((row) => [row.day, row]));
    return Array.from({ length: days }, (_, index) => {
        const date = toIsoDate(addDays(first, index));
        const row = byDay.get(date);
        return {
            date,
            callSeconds: row?.call_seconds ?? 0,
            smsCount: row?.sms_count ?? 0,
            amountCents: row?.amount ?? 0
        };
    });
}

/** Appends rated calls and texts to minute_usage in one insert. */
export async function insertUsage(
    tx: Tx,
    accountId: string,
    rows: readonly { occurredAt: Date; callSeconds: number; smsCount: number; ratedCents: Cents }[],
    ledgerTransferId: string | null
): Promise<void> {
    await tx.query(
        `INSERT INTO minute_usage (billing_account_id, occurred_at, call_seconds, sms_count, rated_cents, ledger_transfer_id)
         SELECT $1, u.occurred_at, u.call_seconds, u.sms_count, u.rated_cents, $3
         FROM jsonb_to_recordset($2::jsonb) AS u(occurred_at timestamptz, call_seconds integer, sms_count integer, rated_cents bigint)`,
        [
            accountId,
            JSON.stringify(
                rows.map((row) => ({
                    occurred_at: row.occurredAt.toISOString(),
                    call_seconds: row.callSeconds,
                    sms_count: row.smsCount,
                    rated_cents: row.ratedCents
                }))
            ),
            ledgerTransferId
        ]
    );
}
