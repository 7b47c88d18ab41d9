import { BillingError, ok, refused, unwrap } from './errors';

describe('R9 typed errors', () => {
    it('carry a stable code, its HTTP status, a sentence and details', () => {
        const error = new BillingError('license_floor', 'CRM cannot go below 10.', { license: 'CRM' });
        expect(error).toBeInstanceOf(Error);
        expect(error.httpStatus).toBe(422);
        expect(error.toJSON()).toEqual({
            code: 'license_floor',
            message: 'CRM cannot go below 10.',
            details: { license: 'CRM' }
        });
        expect(new BillingError('out_of_minutes', 'Out.').toJSON()).toEqual({
            code: 'out_of_minutes',
            message: 'Out.'
        });
    });

    it('unwrap returns the value or throws one error holding every refusal', () => {
        expect(unwrap(ok(3))).toBe(3);
        const single = new BillingError('per_user_limit', 'One.');
        expect(() => unwrap(refused([single]))).toThrow(single);
        let thrown: unknown;
        try {
            unwrap(
                refused([
                    new BillingError('license_floor', 'First.', { license: 'CRM' }),
                    new BillingError('quantity_below_holders', 'Second.')
                ])
            );
        } catch (error) {
            thrown = error;
        }
        expect(thrown).toMatchObject({
            code: 'license_floor',
            message: 'First. Second.',
            details: {
                license: 'CRM',
                refusals: [
                    { code: 'license_floor', message: 'First.' },
                    { code: 'quantity_below_holders', message: 'Second.' }
                ]
            }
        });
    });

    it('refused() needs at least one error', () => {
        expect(() => refused([])).toThrow();
    });
});
