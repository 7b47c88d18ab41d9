import { BillingError, errorsOf } from '../../../core/errors';

/**
 * The service's codes of core's one error type, BillingError: refusals that belong to the service
 * rather than to the billing rules (who may call, request framing, idempotency, authorization,
 * payments). The one error handler answers them exactly like core's.
 */
export const SERVICE_ERROR_STATUS = {
    invalid_request: 400,
    malformed_json: 400,
    idempotency_key_required: 400,
    authorization_required: 400,
    not_authenticated: 401,
    not_permitted: 403,
    not_found: 404,
    method_not_allowed: 405,
    idempotency_key_reused: 409,
    idempotency_request_in_progress: 409,
    transfer_id_reused: 409,
    payload_too_large: 413,
    unsupported_media_type: 415,
    terms_version_outdated: 422,
    not_an_admin: 422,
    unknown_user: 422,
    nothing_to_change: 422,
    account_cancelling: 409,
    account_cancelled: 409,
    // Money movement and funding sources (service/src/payments, funding, transactions, receipts).
    card_number_invalid: 400,
    card_expired: 400,
    card_expiry_invalid: 400,
    cvc_invalid: 400,
    routing_number_invalid: 400,
    account_number_invalid: 400,
    holder_name_required: 400,
    invalid_purchase: 400,
    payment_declined: 402,
    funding_source_expired: 409,
    last_valid_source: 409,
    no_funding_source: 409,
    purchase_key_reused: 409,
    email_failed: 502,
    // Who is calling, and reaching Salesforce (service/src/salesforce).
    token_missing: 401,
    token_invalid: 401,
    token_expired: 401,
    token_not_yet_valid: 401,
    token_wrong_audience: 401,
    token_replayed: 401,
    org_not_registered: 401,
    // Connecting an org (issue 12): the browser flow expired or was refused, or the org lacks a piece.
    connect_expired: 400,
    connect_refused: 400,
    connect_wrong_org: 400,
    certificate_missing: 422,
    invalid_salesforce_id: 400,
    salesforce_not_connected: 503,
    salesforce_unavailable: 503,
    // The dialer's runtime API (service/src/runtime): its keys, and refusals beyond core's.
    runtime_key_missing: 401,
    runtime_key_invalid: 401,
    runtime_key_revoked: 401,
    /** A runtime key sent to a billing route: it never reaches billing (R10.1). */
    wrong_credentials: 403,
    no_license: 403,
    account_required: 400,
    lease_not_found: 404,
    lease_expired: 409,
    lease_id_reused: 409,
    // Load (issue 9): a connection, a lock or an account's charge in flight was not free in time.
    service_busy: 503,
    // A charge was sent but the processor's answer is not in yet: accepted, settled shortly.
    payment_pending: 202
} as const satisfies Record<string, number>;

export type ServiceErrorCode = keyof typeof SERVICE_ERROR_STATUS;

/** A refusal of the service: `throw serviceError('not_found', 'A sentence.')`. */
export const serviceError = errorsOf(SERVICE_ERROR_STATUS);

export type ServiceError = BillingError<ServiceErrorCode>;

/** A service refusal with this code (e.g. a declined charge to back off from). */
export function isServiceError(value: unknown, code: ServiceErrorCode): value is ServiceError {
    return value instanceof BillingError && value.code === code;
}

export function notFound(what: string): ServiceError {
    return serviceError('not_found', `There is no ${what} with that id in your company.`);
}
