import { errorsOf } from '../../../core/errors';

/** Refusals of the runtime API (the dialer's servers), answered by the one error handler. */
export const RUNTIME_ERROR_STATUS = {
    runtime_key_missing: 401,
    runtime_key_invalid: 401,
    runtime_key_revoked: 401,
    wrong_credentials: 403,
    no_license: 403,
    account_required: 400,
    lease_not_found: 404,
    lease_expired: 409,
    lease_id_reused: 409
} as const satisfies Record<string, number>;

export type RuntimeErrorCode = keyof typeof RUNTIME_ERROR_STATUS;

export const runtimeError = errorsOf(RUNTIME_ERROR_STATUS);
