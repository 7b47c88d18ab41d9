import { reduceErrors } from 'c/billingErrors';

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
});
