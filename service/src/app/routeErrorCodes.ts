import type { ErrorCode } from '../kernel/errorCodes';

const PURCHASE: readonly ErrorCode[] = [
    'invalid_purchase',
    'payment_declined',
    'no_funding_source',
    'funding_source_expired',
    'purchase_key_reused',
    'account_cancelling',
    'payment_pending'
];
const QUANTITY_RULES: readonly ErrorCode[] = [
    'invalid_quantity',
    'unknown_license',
    'license_floor',
    'quantity_below_holders',
    'missing_prerequisite',
    'prerequisite_in_use',
    'minimum_purchase',
    'price_missing',
    'nothing_to_change'
];
const NEW_ADMINISTRATOR: readonly ErrorCode[] = [
    'unknown_user',
    'user_inactive',
    'not_an_admin',
    'nothing_to_change'
];

/**
 * The codes each /api/v1 route answers besides those of every route (EVERY_ROUTE_CODES) and of
 * every change (EVERY_CHANGE_CODES), keyed `METHOD path` as the OpenAPI document writes it. A
 * route missing here fails everyRoute.test.ts; the union of all of them is the panels' ErrorCode.
 */
export const ROUTE_ERROR_CODES: Readonly<Record<string, readonly ErrorCode[]>> = {
    'GET /api/v1/me': [],
    'GET /api/v1/terms': [],
    'GET /api/v1/users': [],
    'GET /api/v1/summary': [],
    'GET /api/v1/accounts/{accountId}/audit': [],
    'GET /api/v1/accounts/{accountId}/billing-administrator': [],
    'PUT /api/v1/accounts/{accountId}/billing-administrator': NEW_ADMINISTRATOR,
    'POST /api/v1/accounts/{accountId}/cancellation/preview': ['account_cancelling'],
    'POST /api/v1/accounts/{accountId}/cancellation': ['account_cancelling'],
    'GET /api/v1/accounts/{accountId}/licenses': [],
    'GET /api/v1/accounts/{accountId}/assignments': [],
    'POST /api/v1/accounts/{accountId}/assignments': [
        'unknown_license',
        'unknown_user',
        'user_inactive',
        'not_assignable',
        'license_not_purchased',
        'per_user_limit',
        'crm_view_exclusive',
        'missing_prerequisite',
        'prerequisite_in_use',
        'pool_exhausted',
        'nothing_to_change'
    ],
    'POST /api/v1/accounts/{accountId}/quantities/preview': QUANTITY_RULES,
    'POST /api/v1/accounts/{accountId}/quantities': [...QUANTITY_RULES, ...PURCHASE, 'quote_changed'],
    'GET /api/v1/accounts/{accountId}/funding-sources': [],
    'POST /api/v1/accounts/{accountId}/funding-sources': [
        'card_number_invalid',
        'card_expired',
        'card_expiry_invalid',
        'cvc_invalid',
        'routing_number_invalid',
        'account_number_invalid',
        'holder_name_required',
        'payment_declined'
    ],
    'POST /api/v1/accounts/{accountId}/funding-sources/{fundingSourceId}/make-primary': [
        'funding_source_expired'
    ],
    'POST /api/v1/accounts/{accountId}/funding-sources/{fundingSourceId}/remove': ['last_valid_source'],
    'PUT /api/v1/accounts/{accountId}/recharge-source': ['funding_source_expired'],
    'GET /api/v1/accounts/{accountId}/minutes': [],
    'GET /api/v1/accounts/{accountId}/minutes/usage': [],
    'POST /api/v1/accounts/{accountId}/minutes/purchases': [
        'invalid_amount',
        'minimum_purchase',
        ...PURCHASE
    ],
    'GET /api/v1/accounts/{accountId}/minutes/recharge': [],
    'PUT /api/v1/accounts/{accountId}/minutes/recharge': [
        'invalid_amount',
        'minimum_purchase',
        'nothing_to_change'
    ],
    'GET /api/v1/accounts/{accountId}/services': [],
    'POST /api/v1/accounts/{accountId}/services/purchases': [
        'unknown_service',
        'service_rep_only',
        'invalid_quantity',
        ...PURCHASE
    ],
    'GET /api/v1/accounts/{accountId}/storage': [],
    'GET /api/v1/accounts/{accountId}/transactions': [],
    'GET /api/v1/accounts/{accountId}/transactions/{number}': [],
    'GET /api/v1/accounts/{accountId}/transactions/{number}/receipt.html': [],
    'GET /api/v1/accounts/{accountId}/transactions/{number}/receipt.pdf': [],
    'POST /api/v1/accounts/{accountId}/transactions/{number}/email': ['email_failed']
};
