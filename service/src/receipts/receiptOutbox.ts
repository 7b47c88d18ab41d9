import type { Pool, Tx } from '../db/pool';
import type { Clock } from '../kernel/clock';
import type { Mailer } from '../kernel/mailer';
import { serviceError } from '../kernel/serviceError';
import type { TransactionDetail } from '../transactions/transactionQueries';
import { composeReceiptEmail } from './emailReceipt';

/** A 'sending' claim older than this is taken over (its sender died between claim and mark). */
const STALE_CLAIM_MS = 5 * 60_000;

export interface SentReceipt {
    sent: true;
    sentTo: string;
    sentAt: string;
}

/** Records the mail to send, in the request's transaction (with its audit row and key). */
export async function queueReceiptEmail(
    tx: Tx,
    input: { transactionId: string; to: string; now: Date }
): Promise<string> {
    const row = await tx.query<{ id: string }>(
        `INSERT INTO receipt_emails (transaction_id, to_address, status, created_at)
         VALUES ($1, $2, 'pending', $3) RETURNING id::text`,
        [input.transactionId, input.to, input.now]
    );
    const id = row.rows[0]?.id;
    if (id === undefined) throw new Error('INSERT … RETURNING returned no row');
    return id;
}

/**
 * After commit: sends a queued mail unless it was sent already, then marks it 'sent', or
 * 'failed' with the reason (502 email_failed; the same Idempotency-Key sends it again). The
 * claim (`pending`/`failed` → `sending`) lets one request at a time send, so a retry racing the
 * first one never sends twice; the Message-ID is fixed per mail, so even a send whose sender died
 * before marking it is recognised as a duplicate by the receiving mail system.
 */
export async function deliverReceiptEmail(
    pool: Pool,
    mailer: Mailer,
    input: { emailId: string; detail: TransactionDetail; clock: Clock }
): Promise<SentReceipt> {
    const claimedAt = input.clock.now();
    const claimed = await pool.query<{ to_address: string }>(
        `UPDATE receipt_emails SET status = 'sending', claimed_at = $2, attempts = attempts + 1
         WHERE id = $1 AND (status IN ('pending', 'failed') OR (status = 'sending' AND claimed_at < $3))
         RETURNING to_address`,
        [input.emailId, claimedAt, new Date(claimedAt.getTime() - STALE_CLAIM_MS)]
    );
    const to = claimed.rows[0]?.to_address;
    if (to === undefined) return alreadyClaimed(pool, input.emailId);
    try {
        await mailer.send(await composeReceiptEmail(input.detail, to, input.emailId));
    } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        await pool.query(
            "UPDATE receipt_emails SET status = 'failed', failure_reason = $2 WHERE id = $1 AND status = 'sending'",
            [input.emailId, reason]
        );
        throw serviceError(
            'email_failed',
            'The mail server did not accept the receipt, so it was not sent. Send the same request again (same Idempotency-Key) to retry.',
            { reason }
        );
    }
    const sentAt = input.clock.now();
    await pool.query(
        "UPDATE receipt_emails SET status = 'sent', sent_at = $2, failure_reason = NULL WHERE id = $1",
        [input.emailId, sentAt]
    );
    return { sent: true, sentTo: to, sentAt: sentAt.toISOString() };
}

async function alreadyClaimed(pool: Pool, emailId: string): Promise<SentReceipt> {
    const row = await pool.query<{ status: string; to_address: string; sent_at: Date | null }>(
        'SELECT status, to_address, sent_at FROM receipt_emails WHERE id = $1',
        [emailId]
    );
    const mail = row.rows[0];
    if (mail?.status === 'sent' && mail.sent_at !== null) {
        return { sent: true, sentTo: mail.to_address, sentAt: mail.sent_at.toISOString() };
    }
    throw serviceError(
        'idempotency_request_in_progress',
        'This receipt is being sent right now; retry in a moment.'
    );
}
