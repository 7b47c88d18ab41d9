import { Writable } from 'node:stream';
import { createLogger } from './logger';

describe('R7.2 logs never hold card or bank numbers', () => {
    it('redacts card and bank fields at any depth, and authorization headers', () => {
        const lines: string[] = [];
        const destination = new Writable({
            write(chunk: Buffer, _encoding, done) {
                lines.push(chunk.toString());
                done();
            }
        });
        const logger = createLogger({ level: 'info', destination });
        logger.info(
            {
                req: { headers: { authorization: 'Bearer secret-token' } },
                body: { details: { number: '4242424242424242', cvc: '123' } },
                bank: { routingNumber: '110000000', accountNumber: '000123456789' }
            },
            'adding a funding source'
        );
        const output = lines.join('');
        for (const secret of ['4242424242424242', '123"', '110000000', '000123456789', 'secret-token']) {
            expect(output).not.toContain(secret);
        }
        expect(output).toContain('[redacted]');
    });
});
