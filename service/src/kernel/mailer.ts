/** Sends e-mail (receipts, failed-payment notices): SMTP in production, an outbox folder locally. */
export interface Mailer {
    send(message: {
        to: string;
        subject: string;
        /** Fixed per message, so a resend after a crash is recognisable as the same mail. */
        messageId?: string;
        text: string;
        html?: string;
        attachments?: unknown[];
    }): Promise<void>;
}
