import { createTestDatabase, type TestDatabase } from '../testing/testDatabase';
import { createLocalProcessor } from './localProcessor';
import type { CardDetails, PaymentProcessor } from '../kernel/paymentProcessor';
import { testCard } from '../funding/testing';

const CARD: CardDetails = testCard();

describe('R7.2 local test processor', () => {
    let db: TestDatabase;
    let processor: PaymentProcessor;
    beforeAll(async () => {
        db = await createTestDatabase();
        processor = createLocalProcessor(db.pool);
    });
    afterAll(async () => {
        await db.cleanup();
    });

    it('tokenizes a card into token, brand, last4 and expiry, never the number', async () => {
        const source = await processor.tokenize(CARD);
        expect(source).toEqual({
            token: expect.stringMatching(/^tok_/) as string,
            kind: 'card',
            brand: 'visa',
            last4: '4242',
            expMonth: 12,
            expYear: 2030
        });
        expect(JSON.stringify(source)).not.toContain(CARD.number);
        const mastercard = await processor.tokenize({ ...CARD, number: '5555 5555 5555 4444' });
        expect(mastercard.brand).toBe('mastercard');
    });

    it('behaves like test mode: 4242 succeeds, the documented numbers decline with their reason', async () => {
        const cases: [string, string | undefined][] = [
            ['4242424242424242', undefined],
            ['4000000000000002', 'card_declined'],
            ['4000000000000069', 'expired_card'],
            ['4000000000009995', 'insufficient_funds']
        ];
        for (const [number, declineCode] of cases) {
            const { token } = await processor.tokenize({ ...CARD, number });
            const result = await processor.charge({
                token,
                amountCents: 10_000,
                description: 'minutes',
                idempotencyKey: `k-${number}`
            });
            if (declineCode === undefined)
                expect(result).toEqual({
                    status: 'succeeded',
                    processorReference: expect.stringMatching(/^ch_/) as string
                });
            else expect(result).toMatchObject({ status: 'declined', declineCode });
        }
    });

    it('ACH: test account numbers succeed or fail', async () => {
        const bank = {
            kind: 'bank_account',
            routingNumber: '110000000',
            accountType: 'checking',
            holderFirstName: 'Ada',
            holderLastName: 'Lovelace'
        } as const;
        const good = await processor.tokenize({ ...bank, accountNumber: '000123456789' });
        expect(good).toMatchObject({ kind: 'bank_account', last4: '6789' });
        const closed = await processor.tokenize({ ...bank, accountNumber: '000111111113' });
        expect(
            await processor.charge({
                token: good.token,
                amountCents: 500,
                description: 'x',
                idempotencyKey: 'ach-1'
            })
        ).toMatchObject({ status: 'succeeded' });
        expect(
            await processor.charge({
                token: closed.token,
                amountCents: 500,
                description: 'x',
                idempotencyKey: 'ach-2'
            })
        ).toMatchObject({
            status: 'declined',
            declineCode: 'account_closed'
        });
    });

    it('charges once per idempotency key, even when the same key is sent twice at once', async () => {
        const { token } = await processor.tokenize(CARD);
        const request = { token, amountCents: 12_345, description: 'licenses', idempotencyKey: 'same-key' };
        const [first, second] = await Promise.all([processor.charge(request), processor.charge(request)]);
        const third = await processor.charge(request);
        expect(second).toEqual(first);
        expect(third).toEqual(first);
        const rows = await db.pool.query('SELECT 1 FROM local_processor_charge WHERE idempotency_key = $1', [
            'same-key'
        ]);
        expect(rows.rowCount).toBe(1);
        await expect(processor.charge({ ...request, amountCents: 1 })).rejects.toThrow(/different charge/);
    });

    it('declines an unknown token', async () => {
        expect(
            await processor.charge({
                token: 'tok_nope',
                amountCents: 100,
                description: 'x',
                idempotencyKey: 'unknown'
            })
        ).toMatchObject({
            status: 'declined',
            declineCode: 'invalid_token'
        });
    });
});
