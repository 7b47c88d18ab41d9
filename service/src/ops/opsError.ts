import { errorsOf } from '../../../core/errors';

/** The back office's refusals (R11), answered by the one error handler like every BillingError. */
export const OPS_ERROR_STATUS = {
    operator_token_missing: 401,
    operator_token_invalid: 401,
    reason_required: 400,
    finance_only: 403,
    company_not_found: 404,
    account_name_taken: 409,
    term_start_too_late: 422,
    term_invalid: 422,
    quantity_below_floor: 422,
    floor_below_holdings: 409,
    effective_date_invalid: 422,
    charge_invalid: 400,
    refund_exceeds_transaction: 409,
    refund_not_refundable: 409,
    refund_unsupported: 409,
    refund_failed: 409,
    toll_free_limit: 409,
    toll_free_taken: 409,
    toll_free_number_invalid: 400,
    toll_free_line_not_found: 404,
    no_contract: 409
} as const satisfies Record<string, number>;

export const opsError = errorsOf(OPS_ERROR_STATUS);
