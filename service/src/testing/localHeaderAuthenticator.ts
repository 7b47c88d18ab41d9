import type { Authenticator, Caller } from '../kernel/caller';
import { serviceError } from '../kernel/serviceError';

const SALESFORCE_ID = /^[a-zA-Z0-9]{18}$/;

/**
 * LOCAL MODE AND TESTS ONLY: trusts the `x-org-id` and `x-user-id` headers. Never wire it in
 * production; the Salesforce engineer's signed-JWT authenticator replaces it. Delete this file then.
 */
export const localHeaderAuthenticator: Authenticator = {
    authenticate(headers) {
        const orgId = headers['x-org-id'];
        const userId = headers['x-user-id'];
        if (
            typeof orgId !== 'string' ||
            typeof userId !== 'string' ||
            !SALESFORCE_ID.test(orgId) ||
            !SALESFORCE_ID.test(userId)
        ) {
            return Promise.reject(
                serviceError(
                    'not_authenticated',
                    'Sign in through Salesforce: this request does not say who you are.'
                )
            );
        }
        return Promise.resolve<Caller>({ orgId, userId });
    }
};
