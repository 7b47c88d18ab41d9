import nodemailer from 'nodemailer';
import type { Mailer } from '../kernel/mailer';

type MailMessage = Parameters<Mailer['send']>[0];

export interface SmtpConfig {
    /** e.g. `smtp://user:pass@mail.example.com:587` or `smtp://127.0.0.1:2525` (tests). */
    url: string;
    from: string;
}

/** Mail through nodemailer's SMTP transport. Configured by SMTP_URL and MAIL_FROM. */
export function createSmtpMailer(config: SmtpConfig): Mailer {
    const transport = nodemailer.createTransport(config.url);
    return {
        async send(message) {
            await transport.sendMail(mailOptions(config.from, message));
        }
    };
}

/** A Mailer message as nodemailer's options (one mapping for the SMTP and outbox mailers). */
export function mailOptions(from: string, message: MailMessage): nodemailer.SendMailOptions {
    return {
        from,
        to: message.to,
        subject: message.subject,
        ...(message.messageId === undefined ? {} : { messageId: message.messageId }),
        text: message.text,
        ...(message.html === undefined ? {} : { html: message.html }),
        attachments: (message.attachments ?? []) as nodemailer.SendMailOptions['attachments']
    };
}

export function smtpConfigFromEnv(env: NodeJS.ProcessEnv): SmtpConfig | undefined {
    const url = env.SMTP_URL;
    if (url === undefined || url === '') return undefined;
    return { url, from: env.MAIL_FROM ?? 'PowerDialer Billing <billing@localhost>' };
}
