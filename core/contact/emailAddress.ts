/**
 * The e-mail address rule of the service's `z.email()` (zod's default pattern, kept equal by a
 * test), here without zod so the panels can check an address before the authorization opens.
 */
// Written character for character as zod writes it (its escapes included), so the test can compare them.
/* eslint-disable no-useless-escape */
export const EMAIL_ADDRESS_PATTERN =
    /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
/* eslint-enable no-useless-escape */

/** The longest address the service takes. */
export const EMAIL_ADDRESS_MAX_LENGTH = 254;

export function isEmailAddress(value: string): boolean {
    return value.length <= EMAIL_ADDRESS_MAX_LENGTH && EMAIL_ADDRESS_PATTERN.test(value);
}
