import type { AddressInfo } from 'node:net';
import { inflateSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { SMTPServer } from 'smtp-server';
import { fixedClock } from '../kernel/clock';
import { createLocalProcessor } from '../payments/localProcessor';
import { AUTHORIZATION, as, buildTestApp } from '../testing/buildTestApp';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase';
import { makeAccount, TEST_NOW, type TestAccount } from '../testing/factories';
import { seedMoney } from '../seed/seedMoney';
import { createSmtpMailer } from './smtpMailer';

/** The text pdfkit draws: content streams inflated, each TJ holding hex-encoded WinAnsi characters. */
function pdfText(pdf: Buffer): string {
    const content = [...pdf.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)]
        .map((stream) => {
            const bytes = Buffer.from(stream[1] ?? '', 'latin1');
            try {
                return inflateSync(bytes).toString('latin1');
            } catch {
                return bytes.toString('latin1');
            }
        })
        .join('\n');
    return [...content.matchAll(/\[([^\]]*)\]\s*TJ/g)]
        .map((operation) =>
            [...(operation[1] ?? '').matchAll(/<([0-9a-f]*)>/gi)]
                .map((hex) => Buffer.from(hex[1] ?? '', 'hex').toString('latin1'))
                .join('')
        )
        .join('\n');
}

interface ReceivedMail {
    to: string[];
    raw: string;
}

interface TestSmtp {
    server: SMTPServer;
    port: number;
    received: ReceivedMail[];
    /** While set, the server refuses every recipient with this 5xx text. */
    refusal: string | undefined;
}

function startSmtpServer(): Promise<TestSmtp> {
    const received: ReceivedMail[] = [];
    const state: { refusal: string | undefined } = { refusal: undefined };
    const server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        logger: false,
        onRcptTo(_address, _session, callback) {
            if (state.refusal === undefined) {
                callback();
                return;
            }
            const error = Object.assign(new Error(state.refusal), { responseCode: 550 });
            callback(error);
        },
        onData(stream, session, callback) {
            let raw = '';
            stream.on('data', (chunk: Buffer) => {
                raw += chunk.toString('latin1');
            });
            stream.on('end', () => {
                received.push({ to: session.envelope.rcptTo.map((address) => address.address), raw });
                callback();
            });
        }
    });
    return new Promise((resolve) => {
        server.listen(0, '127.0.0.1', () => {
            const port = (server.server.address() as AddressInfo).port;
            resolve(Object.assign(state, { server, port, received }));
        });
    });
}

describe('R8.3 receipts: printable HTML, PDF, e-mail', () => {
    let db: TestDatabase;
    let app: FastifyInstance;
    let account: TestAccount;
    let smtp: TestSmtp;
    let cycleNumber: string;
    beforeAll(async () => {
        db = await createTestDatabase();
        smtp = await startSmtpServer();
        app = await buildTestApp(db.pool, {
            processor: createLocalProcessor(db.pool),
            mailer: createSmtpMailer({ url: `smtp://127.0.0.1:${smtp.port}`, from: 'billing@example.com' })
        });
        account = await makeAccount(db.pool, { name: 'Acme <Sales> & "Co"' });
        await seedMoney(db.pool, account.accountId, fixedClock(TEST_NOW));
        const list = await app.inject({
            url: `/api/v1/accounts/${account.accountId}/transactions?kind=storage`,
            headers: as(caller())
        });
        cycleNumber = list.json<{ transactions: { number: string }[] }>().transactions[0]!.number;
    });
    afterAll(async () => {
        await app.close();
        await new Promise<void>((resolve) => {
            smtp.server.close(() => {
                resolve();
            });
        });
        await db.cleanup();
    });

    function caller() {
        return { orgId: account.orgId, userId: account.admin.id };
    }
    const url = (path: string) => `/api/v1/accounts/${account.accountId}/transactions/${cycleNumber}${path}`;
    const emailTo = (to: string, idempotencyKey: string) =>
        app.inject({
            method: 'POST',
            url: url('/email'),
            headers: as(caller(), idempotencyKey),
            payload: { authorization: AUTHORIZATION, to }
        });

    it('renders a printable, escaped HTML receipt with every line and the total', async () => {
        const response = await app.inject({ url: url('/receipt.html'), headers: as(caller()) });
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
        const html = response.body;
        expect(html).toContain(`<title>Receipt ${cycleNumber}</title>`);
        expect(html).toContain('Acme &lt;Sales&gt; &amp; &quot;Co&quot;');
        expect(html).not.toContain('<Sales>');
        expect(html).toContain('<td>CRM × 20</td>');
        expect(html).toContain('$1,300.00');
        expect(html).toContain('Total $2,320.00');
        expect(html).toContain('Visa ending 4242');
        expect(html).not.toContain('visa');
        expect(html).not.toMatch(/<script/i);
    });

    it('renders a PDF that says the TRX number and the total', async () => {
        const response = await app.inject({ url: url('/receipt.pdf'), headers: as(caller()) });
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toBe('application/pdf');
        expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
        const text = pdfText(response.rawPayload);
        expect(text).toContain(`Receipt ${cycleNumber}`);
        expect(text).toContain('Total $2,320.00');
        expect(text).toContain('Storage: 1 started GB over the allowance');
    });

    it('e-mails the receipt with the PDF attached, once per Idempotency-Key, and audits it', async () => {
        const send = () => emailTo('controller@example.com', 'email-1');
        const first = await send();
        expect(first.statusCode).toBe(200);
        expect(first.json()).toEqual({
            sent: true,
            sentTo: 'controller@example.com',
            sentAt: TEST_NOW.toISOString()
        });
        const again = await send();
        expect(again.statusCode).toBe(200);
        expect(smtp.received).toHaveLength(1);
        const mail = smtp.received[0]!;
        expect(mail.to).toEqual(['controller@example.com']);
        expect(mail.raw).toContain(`Subject: Receipt ${cycleNumber}: $2,320.00`);
        expect(mail.raw).toMatch(/Content-Type: application\/pdf; name=TRX-\d{6}\.pdf/);
        expect(mail.raw).toContain('JVBERi0'); // base64 of "%PDF-"
        const audit = await db.pool.query("SELECT after FROM audit_log WHERE action = 'receipt.email'");
        expect(audit.rows).toEqual([{ after: { transaction: cycleNumber, to: 'controller@example.com' } }]);
        const bad = await emailTo('not an address', 'email-2');
        expect(bad.statusCode).toBe(400);
        expect(smtp.received).toHaveLength(1);
        const outbox = await db.pool.query('SELECT to_address, status, attempts FROM receipt_emails');
        expect(outbox.rows).toEqual([{ to_address: 'controller@example.com', status: 'sent', attempts: 1 }]);
    });

    it('records a refused mail as failed (502 email_failed, with a sentence) and sends it once when the same key is retried', async () => {
        const before = smtp.received.length;
        const send = () => emailTo('ap@example.com', 'email-refused');
        smtp.refusal = 'Mailbox unavailable';
        const refused = await send();
        expect(refused.statusCode).toBe(502);
        expect(refused.json()).toMatchObject({
            code: 'email_failed',
            message: expect.stringContaining('Send the same request again') as unknown
        });
        const failed = await db.pool.query(
            "SELECT status, failure_reason, sent_at FROM receipt_emails WHERE to_address = 'ap@example.com'"
        );
        expect(failed.rows).toEqual([
            {
                status: 'failed',
                failure_reason: expect.stringContaining('Mailbox unavailable') as unknown,
                sent_at: null
            }
        ]);
        // The request itself is recorded: who asked for the mail, with the key.
        const audit = await db.pool.query(
            "SELECT idempotency_key FROM audit_log WHERE action = 'receipt.email' AND after->>'to' = 'ap@example.com'"
        );
        expect(audit.rows).toEqual([{ idempotency_key: 'email-refused' }]);
        expect(smtp.received).toHaveLength(before);

        smtp.refusal = undefined;
        // Three retries at once with the key: one sends; the others answer the sent mail or "in progress".
        const retries = await Promise.all([send(), send(), send()]);
        expect(retries.map((retry) => retry.statusCode).sort()).toContain(200);
        for (const retry of retries.filter((response) => response.statusCode !== 200)) {
            expect(retry.json()).toMatchObject({ code: 'idempotency_request_in_progress' });
        }
        const later = await send();
        expect(later.statusCode).toBe(200);
        expect(later.json()).toEqual({
            sent: true,
            sentTo: 'ap@example.com',
            sentAt: TEST_NOW.toISOString()
        });
        const delivered = smtp.received.slice(before);
        expect(delivered.map((mail) => mail.to)).toEqual([['ap@example.com']]);
        const sent = await db.pool.query(
            "SELECT status, attempts, failure_reason FROM receipt_emails WHERE to_address = 'ap@example.com'"
        );
        expect(sent.rows).toEqual([{ status: 'sent', attempts: 2, failure_reason: null }]);
    });
});
