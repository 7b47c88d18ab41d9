export const BILLING_ERROR_STATUS = {
    invalid_input: 400,
    invalid_quantity: 400,
    invalid_amount: 400,
    invalid_time_zone: 400,
    unknown_license: 400,
    unknown_service: 400,
    not_assignable: 422,
    license_not_purchased: 422,
    license_floor: 422,
    missing_prerequisite: 422,
    prerequisite_in_use: 422,
    per_user_limit: 422,
    quantity_below_holders: 422,
    crm_view_exclusive: 422,
    minimum_purchase: 422,
    price_missing: 422,
    service_rep_only: 403,
    no_dialer_license: 403,
    pool_exhausted: 409,
    insufficient_ports: 409,
    out_of_minutes: 402
} as const satisfies Record<string, number>;

export type BillingErrorCode = keyof typeof BILLING_ERROR_STATUS;

/** A refusal a person can act on: stable snake_case `code`, an HTTP status, and a full sentence. */
export class BillingError extends Error {
    override readonly name = 'BillingError';
    readonly code: BillingErrorCode;
    readonly httpStatus: number;
    readonly details: Readonly<Record<string, unknown>> | undefined;

    constructor(code: BillingErrorCode, message: string, details?: Readonly<Record<string, unknown>>) {
        super(message);
        this.code = code;
        this.httpStatus = BILLING_ERROR_STATUS[code];
        this.details = details;
    }

    toJSON(): { code: BillingErrorCode; message: string; details?: Readonly<Record<string, unknown>> } {
        return this.details === undefined
            ? { code: this.code, message: this.message }
            : { code: this.code, message: this.message, details: this.details };
    }
}

export function isBillingError(value: unknown): value is BillingError {
    return value instanceof BillingError;
}

/** Either the computed value, or every refusal found (never an empty list). */
export type Result<T> =
    | { readonly ok: true; readonly value: T }
    | { readonly ok: false; readonly errors: readonly BillingError[] };

export function ok<T>(value: T): Result<T> {
    return { ok: true, value };
}

export function refused<T = never>(errors: readonly BillingError[]): Result<T> {
    if (errors.length === 0) throw new Error('refused() needs at least one error');
    return { ok: false, errors };
}

/**
 * The value, or a single BillingError to throw: the first refusal's code and status, every message
 * joined, and all refusals in `details.refusals`.
 */
export function unwrap<T>(result: Result<T>): T {
    if (result.ok) return result.value;
    const [first, ...rest] = result.errors;
    if (first === undefined) throw new Error('unreachable: refused result without errors');
    if (rest.length === 0) throw first;
    throw new BillingError(first.code, result.errors.map((error) => error.message).join(' '), {
        ...first.details,
        refusals: result.errors.map((error) => error.toJSON())
    });
}
