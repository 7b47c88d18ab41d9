import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Mailer } from '../kernel/mailer';
import { mailOptions } from './smtpMailer';

/**
 * Local mode without SMTP_URL: each message is written as a complete `.eml` file (headers, HTML,
 * PDF attachment) into `dir`, where any mail client opens it. Nothing leaves the machine.
 */
export function createOutboxMailer(dir: string, from = 'PowerDialer Billing <billing@localhost>'): Mailer {
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    return {
        async send(message) {
            const info = await transport.sendMail(mailOptions(from, message));
            await mkdir(dir, { recursive: true });
            await writeFile(path.join(dir, `receipt-${randomBytes(6).toString('hex')}.eml`), info.message);
        }
    };
}
