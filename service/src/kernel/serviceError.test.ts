import { BILLING_ERROR_STATUS, BillingError, isBillingError } from '../../../core/errors';
import { isServiceError, notFound, SERVICE_ERROR_STATUS, serviceError } from './serviceError';

describe('one error type: the service’s codes extend core’s BillingError', () => {
    it('is a BillingError with the service’s status, so one handler maps both', () => {
        const error = serviceError('payment_declined', 'The card was declined.', { declineCode: 'x' });
        expect(error).toBeInstanceOf(BillingError);
        expect(isBillingError(error)).toBe(true);
        expect([error.code, error.httpStatus]).toEqual(['payment_declined', 402]);
        expect(error.toJSON()).toEqual({
            code: 'payment_declined',
            message: 'The card was declined.',
            details: { declineCode: 'x' }
        });
        expect(isServiceError(error, 'payment_declined')).toBe(true);
        expect(isServiceError(error, 'not_found')).toBe(false);
        expect(notFound('card').httpStatus).toBe(404);
    });

    it('no code means two things: the two registries share no code, and every code is snake_case', () => {
        const core = Object.keys(BILLING_ERROR_STATUS);
        const service = Object.keys(SERVICE_ERROR_STATUS);
        expect(core.filter((code) => service.includes(code))).toEqual([]);
        for (const code of [...core, ...service]) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
    });
});
