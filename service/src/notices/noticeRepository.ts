import type { Pool, Queryable } from '../db/pool';

export interface NoticeRow {
    id: string;
    org_id: string;
    to_user_id: string | null;
    subject: string;
    text_body: string;
    html_body: string;
}

/** Records a notice once per (account, key): the id of the new row, or undefined when it already exists. */
export async function insertNotice(
    db: Queryable,
    notice: {
        accountId: string;
        key: string;
        kind: string;
        subject: string;
        text: string;
        html: string;
        now: Date;
    }
): Promise<string | undefined> {
    const inserted = await db.query<{ id: string }>(
        `INSERT INTO notices (billing_account_id, notice_key, kind, org_id, to_user_id, subject, text_body, html_body, status, created_at)
         SELECT a.id, $2, $3, a.org_id, a.billing_administrator_user_id, $4, $5, $6, 'pending', $7
         FROM billing_accounts a WHERE a.id = $1
         ON CONFLICT (billing_account_id, notice_key) DO NOTHING
         RETURNING id::text`,
        [notice.accountId, notice.key, notice.kind, notice.subject, notice.text, notice.html, notice.now]
    );
    return inserted.rows[0]?.id;
}

/** Takes a notice to send: pending or failed, or a 'sending' claim older than `staleBefore` (its sender died). */
export async function claimNotice(
    pool: Pool,
    id: string,
    now: Date,
    staleBefore: Date
): Promise<NoticeRow | undefined> {
    const claimed = await pool.query<NoticeRow>(
        `UPDATE notices SET status = 'sending', claimed_at = $2, attempts = attempts + 1
         WHERE id = $1 AND (status IN ('pending', 'failed') OR (status = 'sending' AND claimed_at < $3))
         RETURNING id::text, org_id, to_user_id, subject, text_body, html_body`,
        [id, now, staleBefore]
    );
    return claimed.rows[0];
}

export async function finishNotice(
    pool: Pool,
    id: string,
    outcome: { status: 'sent' | 'no_recipient'; at: Date } | { status: 'failed'; reason: string }
): Promise<void> {
    if (outcome.status === 'failed') {
        await pool.query("UPDATE notices SET status = 'failed', failure_reason = $2 WHERE id = $1", [
            id,
            outcome.reason
        ]);
        return;
    }
    await pool.query('UPDATE notices SET status = $2, sent_at = $3, failure_reason = NULL WHERE id = $1', [
        id,
        outcome.status,
        outcome.at
    ]);
}

/** Notices not sent yet (also failed ones and stale claims), oldest first. */
export async function listUnsentNotices(pool: Pool, limit: number): Promise<string[]> {
    const rows = await pool.query<{ id: string }>(
        `SELECT id::text FROM notices WHERE status IN ('pending', 'sending', 'failed') ORDER BY created_at, id LIMIT $1`,
        [limit]
    );
    return rows.rows.map((row) => row.id);
}

export interface CardRow {
    id: string;
    billing_account_id: string;
    brand: string;
    last4: string;
    expires_on: string;
    expired: boolean;
}

/** Cards on file that expired by `now`, and primary cards that expire within `withinDays`. */
export async function listExpiringCards(pool: Pool, now: Date, withinDays: number): Promise<CardRow[]> {
    // A card is valid through the last day of its expiry month.
    const cards = await pool.query<CardRow>(
        `SELECT id, billing_account_id, brand, last4, to_char(valid_until - interval '1 day', 'YYYY-MM-DD') AS expires_on,
                valid_until <= $1::timestamptz AS expired
         FROM (SELECT s.*, (make_date(s.exp_year, s.exp_month, 1) + interval '1 month')::timestamptz AS valid_until
               FROM funding_sources s
               WHERE s.kind = 'card' AND s.removed_at IS NULL AND s.exp_year IS NOT NULL) c
         WHERE valid_until <= $1::timestamptz
            OR (role = 'primary' AND valid_until <= $1::timestamptz + make_interval(days => $2))`,
        [now, withinDays]
    );
    return cards.rows;
}
