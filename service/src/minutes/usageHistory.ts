import {
    type Cents,
    addDays,
    calendarDateIn,
    startOfDayInstant,
    toIsoDate,
    type IsoDate
} from '../../../core/index';
import type { Queryable } from '../db/pool';

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
