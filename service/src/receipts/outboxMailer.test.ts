import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createOutboxMailer } from './outboxMailer';

describe('R8.3 the local outbox mailer (no SMTP server configured)', () => {
    let dir: string;
    beforeAll(async () => {
        dir = await mkdtemp(path.join(tmpdir(), 'outbox-'));
    });
    afterAll(async () => {
        await rm(dir, { recursive: true, force: true });
    });

    it('writes each message as an .eml file with its attachment', async () => {
        const mailer = createOutboxMailer(path.join(dir, 'outbox'));
        await mailer.send({
            to: 'controller@example.com',
            subject: 'Receipt TRX-000001: $100.00',
            text: 'Total $100.00',
            attachments: [
                {
                    filename: 'TRX-000001.pdf',
                    content: Buffer.from('%PDF-1.3 test'),
                    contentType: 'application/pdf'
                }
            ]
        });
        const files = await readdir(path.join(dir, 'outbox'));
        expect(files).toEqual([expect.stringMatching(/^receipt-[0-9a-f]{12}\.eml$/) as string]);
        const eml = await readFile(path.join(dir, 'outbox', files[0]!), 'utf8');
        expect(eml).toContain('To: controller@example.com');
        expect(eml).toContain('Subject: Receipt TRX-000001: $100.00');
        expect(eml).toMatch(/Content-Type: application\/pdf; name=TRX-000001\.pdf/);
    });
});
