/**
 * Refusals about who is calling, and about reaching Salesforce. Same shape as core's BillingError
 * (`code`, `httpStatus`, `toJSON()` → `{ code, message }`); `statusCode` lets Fastify's own error
 * handler answer with the right status too.
 */
export const ACCESS_ERROR_STATUS = {
    token_missing: 401,
    token_invalid: 401,
    token_expired: 401,
    token_not_yet_valid: 401,
    token_wrong_audience: 401,
    token_replayed: 401,
    org_not_registered: 401,
    invalid_salesforce_id: 400,
    unknown_user: 404,
    salesforce_not_connected: 503,
    salesforce_unavailable: 503
} as const satisfies Record<string, number>;

export type AccessErrorCode = keyof typeof ACCESS_ERROR_STATUS;

export class AccessError extends Error {
    override readonly name = 'AccessError';
    readonly code: AccessErrorCode;
    readonly httpStatus: number;
    readonly statusCode: number;

    constructor(code: AccessErrorCode, message: string, options?: { cause?: unknown }) {
        super(message, options);
        this.code = code;
        this.httpStatus = ACCESS_ERROR_STATUS[code];
        this.statusCode = this.httpStatus;
    }

    toJSON(): { code: AccessErrorCode; message: string } {
        return { code: this.code, message: this.message };
    }
}

export function isAccessError(value: unknown): value is AccessError {
    return value instanceof AccessError;
}
