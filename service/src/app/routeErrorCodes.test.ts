import { describeApi } from './describeApi';
import { ROUTE_ERROR_CODES } from './routeErrorCodes';

jest.setTimeout(60_000);

type Paths = Record<
    string,
    Record<string, { 'x-error-codes'?: string[]; responses?: Record<string, unknown> }>
>;

describe('the error contract', () => {
    it('every /api/v1 route declares its error codes, and every declaration is a route', async () => {
        const { paths } = (await describeApi()) as { paths: Paths };
        const documented = Object.entries(paths)
            .filter(([path]) => path.startsWith('/api/v1/'))
            .flatMap(([path, operations]) =>
                Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`)
            );
        expect([...documented].sort()).toEqual(Object.keys(ROUTE_ERROR_CODES).sort());
    });

    it('lists each operation’s codes in the OpenAPI document, with the statuses they come with', async () => {
        const { paths } = (await describeApi()) as { paths: Paths };
        const email = paths['/api/v1/accounts/{accountId}/transactions/{number}/email']?.post;
        expect(email?.['x-error-codes']).toEqual(
            expect.arrayContaining(['email_failed', 'idempotency_key_reused'])
        );
        expect(email?.responses?.['502']).toEqual({ description: 'email_failed' });
        const terms = paths['/api/v1/terms']?.get;
        expect(terms?.['x-error-codes']).not.toContain('idempotency_key_reused');
    });
});
