import type { BillingError, Result } from '../errors';

/** The refusals of a result a test expects to be refused (fails the test when it succeeded). */
export function errorsOf(result: Result<unknown>): readonly BillingError[] {
    if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`);
    return result.errors;
}
