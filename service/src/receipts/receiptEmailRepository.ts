import type { Queryable, Tx } from '../db/pool';

/** Records a receipt e-mail to send ('pending'); returns its id. */
export async function insertReceiptEmail(
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
 * Claims a mail for sending (`pending`/`failed`, or `sending` claimed before `staleBefore`, →
 * `sending`); its address, or undefined when another sender holds it or it was sent.
 */
export async function claimReceiptEmail(
    db: Queryable,
    input: { emailId: string; claimedAt: Date; staleBefore: Date }
): Promise<string | undefined> {
    const claimed = await db.query<{ to_address: string }>(
        `UPDATE receipt_emails SET status = 'sending', claimed_at = $2, attempts = attempts + 1
         WHERE id = $1 AND (status IN ('pending', 'failed') OR (status = 'sending' AND claimed_at < $3))
         RETURNING to_address`,
        [input.emailId, input.claimedAt, input.staleBefore]
    );
    return claimed.rows[0]?.to_address;
}

export async function markReceiptEmailFailed(db: Queryable, emailId: string, reason: string): Promise<void> {
    await db.query(
        "UPDATE receipt_emails SET status = 'failed', failure_reason = $2 WHERE id = $1 AND status = 'sending'",
        [emailId, reason]
    );
}

export async function markReceiptEmailSent(db: Queryable, emailId: string, sentAt: Date): Promise<void> {
    await db.query(
        "UPDATE receipt_emails SET status = 'sent', sent_at = $2, failure_reason = NULL WHERE id = $1",
        [emailId, sentAt]
    );
}

export async function findReceiptEmail(
    db: Queryable,
    emailId: string
): Promise<{ status: string; to_address: string; sent_at: Date | null } | undefined> {
    const row = await db.query<{ status: string; to_address: string; sent_at: Date | null }>(
        'SELECT status, to_address, sent_at FROM receipt_emails WHERE id = $1',
        [emailId]
    );
    return row.rows[0];
}
