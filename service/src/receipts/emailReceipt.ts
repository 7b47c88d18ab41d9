import type { Tx } from '../db/pool';
import type { Mailer } from '../http/appDeps';
import { ServiceError } from '../http/serviceError';
import type { TransactionDetail } from '../transactions/transactionQueries';
import { receiptContent } from './receiptContent';
import { renderReceiptHtml } from './renderReceiptHtml';
import { renderReceiptPdf } from './renderReceiptPdf';

/** R8.3: sends the receipt (HTML body, PDF attached) and records that it was sent. */
export async function emailReceipt(
    tx: Tx,
    mailer: Mailer | undefined,
    input: { detail: TransactionDetail; to: string; now: Date }
): Promise<{ sent: true; sentTo: string; sentAt: string }> {
    if (mailer === undefined) {
        throw new ServiceError(
            'email_failed',
            'E-mail is not set up on this server (SMTP_URL), so the receipt was not sent.'
        );
    }
    const receipt = receiptContent(input.detail);
    const lines = receipt.rows.map((row) => `${row.description}: ${row.amount}`).join('\n');
    try {
        await mailer.send({
            to: input.to,
            subject: `${receipt.title}: ${receipt.total}`,
            text: `${receipt.title}\n${receipt.company} — ${receipt.account}\n${receipt.date}\n${receipt.status}\n\n${lines}\n\nTotal ${receipt.total}\n`,
            html: renderReceiptHtml(receipt),
            attachments: [
                {
                    filename: `${receipt.number}.pdf`,
                    content: await renderReceiptPdf(receipt),
                    contentType: 'application/pdf'
                }
            ]
        });
    } catch (error) {
        throw new ServiceError(
            'email_failed',
            'The mail server did not accept the receipt; nothing was sent. Try again later.',
            {
                reason: error instanceof Error ? error.message : String(error)
            }
        );
    }
    await tx.query('INSERT INTO receipt_emails (transaction_id, to_address, sent_at) VALUES ($1, $2, $3)', [
        input.detail.id,
        input.to,
        input.now
    ]);
    return { sent: true, sentTo: input.to, sentAt: input.now.toISOString() };
}
