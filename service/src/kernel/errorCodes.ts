import { BILLING_ERROR_STATUS } from '../../../core/errors';
import { QUOTE_ERROR_STATUS } from '../../../core/licenses/checkQuote';
import { SERVICE_ERROR_STATUS } from './serviceError';

/**
 * Every code an answer of the service can carry, with its HTTP status: the registry the OpenAPI
 * document lists per route (`x-error-codes`) and `npm run api-types` turns into the panels'
 * `ErrorCode` union.
 */
export const ERROR_STATUS = {
    ...BILLING_ERROR_STATUS,
    ...QUOTE_ERROR_STATUS,
    ...SERVICE_ERROR_STATUS,
    /** A bug: the one 5xx that is not a dependency being down (errorHandler). */
    internal_error: 500
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** What any /api/v1 route may answer: framing, the caller's proof and permission, Salesforce being down. */
export const EVERY_ROUTE_CODES = [
    'invalid_request',
    'invalid_input',
    'malformed_json',
    'payload_too_large',
    'unsupported_media_type',
    'not_found',
    'not_authenticated',
    'not_permitted',
    'token_missing',
    'token_invalid',
    'token_expired',
    'token_not_yet_valid',
    'token_wrong_audience',
    'token_replayed',
    'org_not_registered',
    'invalid_salesforce_id',
    'salesforce_not_connected',
    'salesforce_unavailable',
    'wrong_credentials',
    'service_busy',
    'internal_error'
] as const satisfies readonly ErrorCode[];

/** What every change (a body with `authorization`, through runMutation) may answer besides. */
export const EVERY_CHANGE_CODES = [
    'idempotency_key_required',
    'authorization_required',
    'terms_version_outdated',
    'idempotency_key_reused',
    'idempotency_request_in_progress',
    'account_cancelled'
] as const satisfies readonly ErrorCode[];
