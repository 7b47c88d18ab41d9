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
    user_inactive: 422,
    minimum_purchase: 422,
    price_missing: 422,
    service_rep_only: 403,
    no_dialer_license: 403,
    pool_exhausted: 409,
    insufficient_ports: 409,
    out_of_minutes: 402
} as const satisfies Record<string, number>;

export type BillingErrorCode = keyof typeof BILLING_ERROR_STATUS;

type Details = Readonly<Record<string, unknown>>;

/**
 * A refusal a person can act on: stable snake_case `code`, an HTTP status, and a full sentence.
 * The one error type of the system: core's rules use the codes above; the service adds its own
 * codes (who may call, idempotency, payments) with its own registry of statuses, so one error
 * handler answers every refusal the same way.
 */
export class BillingError<Code extends string = BillingErrorCode> extends Error {
    override readonly name = 'BillingError';
    readonly code: Code;
    readonly httpStatus: number;
    readonly details: Details | undefined;

    constructor(code: Code & BillingErrorCode, message: string, details?: Details);
    constructor(
        code: Code,
        message: string,
        details: Details | undefined,
        statuses: Readonly<Record<Code, number>>
    );
    constructor(code: Code, message: string, details?: Details, statuses?: Readonly<Record<Code, number>>) {
        super(message);
        this.code = code;
        this.httpStatus =
            statuses === undefined ? BILLING_ERROR_STATUS[code as BillingErrorCode] : statuses[code];
        this.details = details;
    }

    toJSON(): { code: Code; message: string; details?: Details } {
        return this.details === undefined
            ? { code: this.code, message: this.message }
            : { code: this.code, message: this.message, details: this.details };
    }
}

/**
 * `new BillingError(code, message, details, statuses)` for a registry of codes outside core:
 * `const serviceError = errorsOf(SERVICE_ERROR_STATUS)`.
 */
export function errorsOf<Code extends string>(
    statuses: Readonly<Record<Code, number>>
): (code: Code, message: string, details?: Details) => BillingError<Code> {
    return (code, message, details) => new BillingError<Code>(code, message, details, statuses);
}

/** Any refusal, core's or the service's. */
export function isBillingError(value: unknown): value is BillingError<string> {
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
