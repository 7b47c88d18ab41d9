/* The checks on entered payment details live in core/ (one source for the service and the panels,
   which run them before the authorization opens); the service refuses with the same codes. */
export {
    digitsOnly,
    isCardExpired,
    isValidRoutingNumber,
    passesLuhn,
    validateBankAccount,
    validateCard,
    type FundingInputProblem
} from '../../../core/index';
