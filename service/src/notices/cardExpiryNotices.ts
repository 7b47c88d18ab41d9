import type { Pool } from '../db/pool';
import { listExpiringCards } from './noticeRepository';
import { queueNotice } from './queueNotice';

const EXPIRING_WITHIN_DAYS = 30;

/**
 * R7.3: tells the billing administrator once when the primary card expires within 30 days, and
 * once when any card on file has expired (it no longer counts as valid). Returns the queued ids.
 */
export async function queueCardExpiryNotices(pool: Pool, now: Date): Promise<string[]> {
    const cards = await listExpiringCards(pool, now, EXPIRING_WITHIN_DAYS);
    const queued: string[] = [];
    for (const card of cards) {
        const name = `${card.brand} ending ${card.last4}`;
        const id = await queueNotice(pool, {
            accountId: card.billing_account_id,
            key: `${card.expired ? 'card-expired' : 'card-expiring'}:${card.id}`,
            facts: card.expired
                ? { kind: 'card_expired', card: name }
                : { kind: 'card_expiring', card: name, expires: card.expires_on },
            now
        });
        if (id !== undefined) queued.push(id);
    }
    return queued;
}
