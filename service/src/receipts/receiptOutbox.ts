import type { Pool } from '../db/pool';
import type { Clock } from '../kernel/clock';
import type { Mailer } from '../kernel/mailer';
import { serviceError } from '../kernel/serviceError';
import type { TransactionDetail } from '../transactions/transactionRepository';
import { composeReceiptEmail } from './emailReceipt';
import {
    claimReceiptEmail,
    findReceiptEmail,
    markReceiptEmailFailed,
    markReceiptEmailSent
} from './receiptEmailRepository';

/** A 'sending' claim older than this is taken over (its sender died between claim and mark). */
const STALE_CLAIM_MS = 5 * 60_000;

export interface SentReceipt {
    sent: true;
    sentTo: string;
    sentAt: string;
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
    const to = await claimReceiptEmail(pool, {
        emailId: input.emailId,
        claimedAt,
        staleBefore: new Date(claimedAt.getTime() - STALE_CLAIM_MS)
    });
    if (to === undefined) return alreadyClaimed(pool, input.emailId);
    try {
        await mailer.send(await composeReceiptEmail(input.detail, to, input.emailId));
    } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        await markReceiptEmailFailed(pool, input.emailId, reason);
        throw serviceError(
            'email_failed',
            'The mail server did not accept the receipt, so it was not sent. Send the same request again (same Idempotency-Key) to retry.',
            { reason }
        );
    }
    const sentAt = input.clock.now();
    await markReceiptEmailSent(pool, input.emailId, sentAt);
    return { sent: true, sentTo: to, sentAt: sentAt.toISOString() };
}

async function alreadyClaimed(pool: Pool, emailId: string): Promise<SentReceipt> {
    const mail = await findReceiptEmail(pool, emailId);
    if (mail?.status === 'sent' && mail.sent_at !== null) {
        return { sent: true, sentTo: mail.to_address, sentAt: mail.sent_at.toISOString() };
    }
    throw serviceError(
        'idempotency_request_in_progress',
        'This receipt is being sent right now; retry in a moment.'
    );
}
