import { randomUUID } from 'node:crypto';
import send from '@salesforce/apex/BillingServiceProxy.send';
import { getMe, newIdempotencyKey, purchaseMinutes, getTransactions } from 'c/billingApi';

const mockedSend = send as jest.MockedFunction<typeof send>;
const AUTHORIZATION = {
    firstName: 'Ada',
    lastName: 'Admin',
    termsVersion: '2026-01',
    accepted: true
} as const;

describe('c-billing-api', () => {
    beforeAll(() => {
        // jsdom's crypto has no randomUUID; browsers and Lightning have it.
        Object.defineProperty(globalThis.crypto, 'randomUUID', { value: randomUUID, configurable: true });
    });

    afterEach(() => {
        jest.clearAllMocks();
    });

    it('sends a GET through the Apex proxy and parses the JSON answer', async () => {
        mockedSend.mockResolvedValue(JSON.stringify({ userId: 'u', name: 'Ada', orgId: 'o', isAdmin: true }));
        await expect(getMe()).resolves.toEqual({ userId: 'u', name: 'Ada', orgId: 'o', isAdmin: true });
        expect(mockedSend).toHaveBeenCalledWith({
            method: 'GET',
            path: '/api/v1/me',
            body: null,
            idempotencyKey: null
        });
    });

    it('sends a mutation with its body, authorization and idempotency key', async () => {
        mockedSend.mockResolvedValue('{}');
        await purchaseMinutes('acc 1', 10000, AUTHORIZATION, 'key-1');
        expect(mockedSend).toHaveBeenCalledWith({
            method: 'POST',
            path: '/api/v1/accounts/acc%201/minutes/purchases',
            body: JSON.stringify({ amountCents: 10000, authorization: AUTHORIZATION }),
            idempotencyKey: 'key-1'
        });
    });

    it('puts the filter in the query string', async () => {
        mockedSend.mockResolvedValue('{"transactions":[],"totals":{}}');
        await getTransactions('a', { from: '2026-10-01', to: '2026-10-31', kind: 'minutes' });
        expect(mockedSend.mock.calls[0][0].path).toBe(
            '/api/v1/accounts/a/transactions?from=2026-10-01&to=2026-10-31&kind=minutes'
        );
    });

    it('turns an Apex error carrying the service JSON back into { code, message }', async () => {
        mockedSend.mockRejectedValue({
            status: 500,
            body: {
                message: JSON.stringify({
                    code: 'minimum_purchase',
                    message: 'The minimum purchase is $100.00.'
                })
            }
        });
        await expect(purchaseMinutes('a', 500, AUTHORIZATION, 'k')).rejects.toMatchObject({
            body: { code: 'minimum_purchase', message: 'The minimum purchase is $100.00.' }
        });
    });

    it('keeps an Apex error whose message is already a sentence', async () => {
        mockedSend.mockRejectedValue({ body: { message: 'Unable to reach the billing service.' } });
        await expect(getMe()).rejects.toEqual({ body: { message: 'Unable to reach the billing service.' } });
    });

    it('makes a new idempotency key per action', () => {
        expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
    });
});
