import type { Pool } from '../db/pool';
import { withTransaction } from '../db/withTransaction';
import { queueNotice } from './queueNotice';

const EXPIRING_WITHIN_DAYS = 30;

interface CardRow {
    id: string;
    billing_account_id: string;
    brand: string;
    last4: string;
    expires_on: string;
    expired: boolean;
}

/**
 * R7.3: tells the billing administrator once when the primary card expires within 30 days, and
 * once when any card on file has expired (it no longer counts as valid). Returns the queued ids.
 */
export async function queueCardExpiryNotices(pool: Pool, now: Date): Promise<string[]> {
    // A card is valid through the last day of its expiry month.
    const cards = await pool.query<CardRow>(
        `SELECT id, billing_account_id, brand, last4, to_char(valid_until - interval '1 day', 'YYYY-MM-DD') AS expires_on,
                valid_until <= $1::timestamptz AS expired
         FROM (SELECT s.*, (make_date(s.exp_year, s.exp_month, 1) + interval '1 month')::timestamptz AS valid_until
               FROM funding_sources s
               WHERE s.kind = 'card' AND s.removed_at IS NULL AND s.exp_year IS NOT NULL) c
         WHERE valid_until <= $1::timestamptz
            OR (role = 'primary' AND valid_until <= $1::timestamptz + make_interval(days => $2))`,
        [now, EXPIRING_WITHIN_DAYS]
    );
    const queued: string[] = [];
    for (const card of cards.rows) {
        const name = `${card.brand} ending ${card.last4}`;
        const id = await withTransaction(pool, (tx) =>
            queueNotice(tx, {
                accountId: card.billing_account_id,
                key: `${card.expired ? 'card-expired' : 'card-expiring'}:${card.id}`,
                facts: card.expired
                    ? { kind: 'card_expired', card: name }
                    : { kind: 'card_expiring', card: name, expires: card.expires_on },
                now
            })
        );
        if (id !== undefined) queued.push(id);
    }
    return queued;
}
