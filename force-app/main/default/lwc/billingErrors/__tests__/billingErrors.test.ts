import { reduceErrors, settle } from 'c/billingErrors';

describe('c-billing-errors', () => {
    it('reads the message of a service error body', () => {
        expect(reduceErrors({ body: { code: 'license_floor', message: 'CRM cannot go below 10.' } })).toEqual(
            ['CRM cannot go below 10.']
        );
    });

    it('flattens lists and plain errors', () => {
        expect(reduceErrors([new Error('Network down'), 'Try again', null])).toEqual([
            'Network down',
            'Try again'
        ]);
    });

    it('settles a call into its data/error pair without throwing', async () => {
        const refusal = { body: { code: 'not_permitted', message: 'Only admins.' } };
        await expect(settle(Promise.resolve({ minutes: 5 }))).resolves.toEqual({
            data: { minutes: 5 },
            error: undefined
        });
        await expect(settle(Promise.reject(refusal))).resolves.toEqual({ data: undefined, error: refusal });
    });
});
