import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CardDetails, PaymentProcessor } from '../kernel/paymentProcessor';
import { createStripeProcessor } from './stripeProcessor';
import { testCard } from '../funding/testing';

interface SeenRequest {
    method: string;
    path: string;
    headers: IncomingHttpHeaders;
    form: URLSearchParams;
}

/** A stand-in for api.stripe.com answering with the documented object and error shapes. */
function startFakeStripe(): Promise<{ server: Server; url: string; seen: SeenRequest[] }> {
    const seen: SeenRequest[] = [];
    const server = createServer((request, response) => {
        let body = '';
        request.on('data', (chunk: Buffer) => (body += chunk.toString()));
        request.on('end', () => {
            const form = new URLSearchParams(body);
            seen.push({
                method: request.method ?? '',
                path: request.url ?? '',
                headers: request.headers,
                form
            });
            const [status, payload] = answer(request.url ?? '', form);
            response.writeHead(status, { 'content-type': 'application/json', 'request-id': 'req_test' });
            response.end(JSON.stringify(payload));
        });
    });
    return new Promise((resolve) => {
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address() as AddressInfo;
            resolve({ server, url: `http://127.0.0.1:${port}`, seen });
        });
    });
}

function answer(path: string, form: URLSearchParams): [number, unknown] {
    if (path.startsWith('/v1/payment_intents/search')) {
        // Stripe's search: the adapter looks a charge up by the key it stamped in its metadata.
        const query = new URL(path, 'http://stripe.test').searchParams.get('query') ?? '';
        const known = query === "metadata['billing_idempotency_key']:'acct-1:known'";
        const intent = {
            id: 'pi_known',
            object: 'payment_intent',
            status: 'succeeded',
            last_payment_error: null
        };
        return [
            200,
            {
                object: 'search_result',
                url: '/v1/payment_intents/search',
                has_more: false,
                data: known ? [intent] : []
            }
        ];
    }
    if (path === '/v1/customers') {
        return [
            200,
            { id: `cus_for_${form.get('payment_method') ?? ''}`, object: 'customer', name: form.get('name') }
        ];
    }
    if (path === '/v1/payment_methods' && form.get('type') === 'card') {
        const number = form.get('card[number]') ?? '';
        return [
            200,
            {
                id: `pm_card_${number.slice(-4)}`,
                object: 'payment_method',
                type: 'card',
                billing_details: { name: form.get('billing_details[name]') },
                card: {
                    brand: 'visa',
                    last4: number.slice(-4),
                    exp_month: Number(form.get('card[exp_month]')),
                    exp_year: Number(form.get('card[exp_year]'))
                }
            }
        ];
    }
    if (path === '/v1/payment_methods') {
        return [
            200,
            {
                id: 'pm_bank_6789',
                object: 'payment_method',
                type: 'us_bank_account',
                us_bank_account: { bank_name: 'STRIPE TEST BANK', last4: '6789', routing_number: '110000000' }
            }
        ];
    }
    if (path === '/v1/refunds') return refundAnswer(form);
    const method = form.get('payment_method');
    if (method === 'pm_card_0002') {
        return [
            402,
            {
                error: {
                    type: 'card_error',
                    code: 'card_declined',
                    decline_code: 'insufficient_funds',
                    message: 'Your card has insufficient funds.',
                    payment_intent: {
                        id: 'pi_declined',
                        object: 'payment_intent',
                        status: 'requires_payment_method'
                    }
                }
            }
        ];
    }
    if (method === 'pm_card_0069') {
        return [
            402,
            { error: { type: 'card_error', code: 'expired_card', message: 'Your card has expired.' } }
        ];
    }
    if (method === 'pm_card_0341') {
        return [
            200,
            {
                id: 'pi_needs_method',
                object: 'payment_intent',
                amount: Number(form.get('amount')),
                currency: 'usd',
                status: 'requires_payment_method',
                last_payment_error: {
                    type: 'card_error',
                    code: 'card_declined',
                    decline_code: 'generic_decline',
                    message: 'Your card was declined.'
                }
            }
        ];
    }
    return [
        200,
        {
            id: 'pi_ok',
            object: 'payment_intent',
            amount: Number(form.get('amount')),
            currency: 'usd',
            status: 'succeeded',
            last_payment_error: null
        }
    ];
}

/** Refunds: `pi_ok` refunds up to $10,000; any other payment intent is unknown (Stripe's 400). */
function refundAnswer(form: URLSearchParams): [number, unknown] {
    const intent = form.get('payment_intent');
    if (intent !== 'pi_ok') {
        return [
            400,
            {
                error: {
                    type: 'invalid_request_error',
                    code: 'resource_missing',
                    message: `No such payment_intent: '${intent ?? ''}'`
                }
            }
        ];
    }
    return [
        200,
        {
            id: `re_for_${form.get('amount') ?? ''}`,
            object: 'refund',
            amount: Number(form.get('amount')),
            payment_intent: intent,
            status: 'succeeded'
        }
    ];
}

const CARD: CardDetails = testCard();

describe('R7.2 Stripe adapter against a local Stripe-shaped server', () => {
    let fake: Awaited<ReturnType<typeof startFakeStripe>>;
    let processor: PaymentProcessor;
    beforeAll(async () => {
        fake = await startFakeStripe();
        processor = createStripeProcessor({ secretKey: 'sk_test_local', apiBase: fake.url });
    });
    beforeEach(() => {
        fake.seen.length = 0;
    });
    afterAll(async () => {
        await new Promise((resolve) => fake.server.close(resolve));
    });

    it('creates a card PaymentMethod with a form-encoded body and keeps only token, brand, last4, expiry', async () => {
        const source = await processor.tokenize(CARD);
        expect(source).toEqual({
            token: 'cus_for_pm_card_4242/pm_card_4242',
            kind: 'card',
            brand: 'visa',
            last4: '4242',
            expMonth: 12,
            expYear: 2030
        });
        const [request] = fake.seen;
        expect(request?.path).toBe('/v1/payment_methods');
        expect(request?.headers['content-type']).toContain('application/x-www-form-urlencoded');
        expect(request?.headers.authorization).toBe('Bearer sk_test_local');
        expect(request?.form.get('card[number]')).toBe('4242424242424242');
        expect(request?.form.get('card[cvc]')).toBe('123');
        expect(request?.form.get('billing_details[name]')).toBe('Ada Lovelace');
        // Attached to a customer of its own, so that it can be charged again every month.
        expect(fake.seen[1]?.path).toBe('/v1/customers');
        expect(Object.fromEntries(fake.seen[1]?.form ?? [])).toEqual({
            name: 'Ada Lovelace',
            payment_method: 'pm_card_4242'
        });
    });

    it('creates a us_bank_account PaymentMethod for ACH', async () => {
        const source = await processor.tokenize({
            kind: 'bank_account',
            routingNumber: '110000000',
            accountNumber: '000123456789',
            accountType: 'savings',
            holderFirstName: 'Ada',
            holderLastName: 'Lovelace'
        });
        expect(source).toEqual({
            token: 'cus_for_pm_bank_6789/pm_bank_6789',
            kind: 'bank_account',
            brand: 'STRIPE TEST BANK',
            last4: '6789'
        });
        expect(fake.seen[0]?.form.get('us_bank_account[routing_number]')).toBe('110000000');
        expect(fake.seen[0]?.form.get('us_bank_account[account_type]')).toBe('savings');
    });

    it('issue 9: asked about a lost answer, finds the PaymentIntent by the key stamped on it, or says it never took it', async () => {
        await expect(processor.findCharge('acct-1:known')).resolves.toEqual({
            status: 'succeeded',
            processorReference: 'pi_known'
        });
        await expect(processor.findCharge('acct-1:never-sent')).resolves.toBeUndefined();
        expect(fake.seen[0]?.method).toBe('GET');
        expect(fake.seen[0]?.path).toMatch(/^\/v1\/payment_intents\/search\?/);
    });

    it('confirms an off-session PaymentIntent at once and sends our Idempotency-Key header', async () => {
        const result = await processor.charge({
            token: 'cus_1/pm_card_4242',
            amountCents: 10_050,
            description: 'TRX-000001',
            idempotencyKey: 'acct-1:key-1'
        });
        expect(result).toEqual({ status: 'succeeded', processorReference: 'pi_ok' });
        expect(fake.seen[0]?.form.get('metadata[billing_idempotency_key]')).toBe('acct-1:key-1');
        const [request] = fake.seen;
        expect(request?.path).toBe('/v1/payment_intents');
        expect(request?.headers['idempotency-key']).toBe('acct-1:key-1');
        expect(Object.fromEntries(request?.form ?? [])).toMatchObject({
            amount: '10050',
            currency: 'usd',
            customer: 'cus_1',
            payment_method: 'pm_card_4242',
            off_session: 'true',
            confirm: 'true',
            description: 'TRX-000001'
        });
    });

    it.each([
        [
            'a card_error to its decline_code',
            'pm_card_0002',
            { declineCode: 'insufficient_funds', message: 'Your card has insufficient funds.' }
        ],
        [
            'a card_error without decline_code to its code (expired_card)',
            'pm_card_0069',
            { declineCode: 'expired_card', message: 'Your card has expired.' }
        ],
        [
            'a PaymentIntent left in requires_payment_method to its last_payment_error',
            'pm_card_0341',
            {
                processorReference: 'pi_needs_method',
                declineCode: 'generic_decline',
                message: 'Your card was declined.'
            }
        ]
    ])('maps %s', async (_name, token, decline) => {
        const result = await processor.charge({
            token: `cus_1/${token}`,
            amountCents: 100,
            description: 'x',
            idempotencyKey: `k-${token}`
        });
        expect(result).toEqual({ status: 'declined', ...decline });
    });
    it('refunds part of a payment intent with our idempotency key, and reports an unknown one as failed', async () => {
        if (processor.refund === undefined) throw new Error('the Stripe processor refunds');
        const result = await processor.refund({
            processorReference: 'pi_ok',
            amountCents: 1234,
            idempotencyKey: 'refund:k1'
        });
        expect(result).toEqual({ status: 'succeeded', refundReference: 're_for_1234' });
        const [request] = fake.seen;
        expect(request?.path).toBe('/v1/refunds');
        expect(Object.fromEntries(request?.form ?? [])).toEqual({ payment_intent: 'pi_ok', amount: '1234' });
        expect(request?.headers['idempotency-key']).toBe('refund:k1');
        const unknown = await processor.refund({
            processorReference: 'pi_nope',
            amountCents: 1,
            idempotencyKey: 'refund:k2'
        });
        expect(unknown).toMatchObject({ status: 'failed', code: 'resource_missing' });
    });
});
