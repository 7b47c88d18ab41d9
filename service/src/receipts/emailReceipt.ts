import type { Mailer } from '../kernel/mailer';
import { serviceError } from '../kernel/serviceError';
import type { TransactionDetail } from '../transactions/transactionRepository';
import { receiptContent } from './receiptContent';
import { renderReceiptHtml } from './renderReceiptHtml';
import { renderReceiptPdf } from './renderReceiptPdf';

type MailMessage = Parameters<Mailer['send']>[0];

/** The mailer, or a 502 before anything is recorded when this server has none (no SMTP_URL). */
export function requireMailer(mailer: Mailer | undefined): Mailer {
    if (mailer === undefined) {
        throw serviceError(
            'email_failed',
            'E-mail is not set up on this server (SMTP_URL), so the receipt was not sent.'
        );
    }
    return mailer;
}

/** R8.3: the receipt as an e-mail (HTML body, PDF attached), with a Message-ID fixed per outbox row. */
export async function composeReceiptEmail(
    detail: TransactionDetail,
    to: string,
    emailId: string
): Promise<MailMessage> {
    const receipt = receiptContent(detail);
    const lines = receipt.rows.map((row) => `${row.description}: ${row.amount}`).join('\n');
    return {
        to,
        subject: `${receipt.title}: ${receipt.total}`,
        messageId: `<receipt-${emailId}-${detail.id}@powerdialer-billing>`,
        text: `${receipt.title}\n${receipt.company} — ${receipt.account}\n${receipt.date}\n${receipt.status}\n\n${lines}\n\nTotal ${receipt.total}\n`,
        html: renderReceiptHtml(receipt),
        attachments: [
            {
                filename: `${receipt.number}.pdf`,
                content: await renderReceiptPdf(receipt),
                contentType: 'application/pdf'
            }
        ]
    };
}
