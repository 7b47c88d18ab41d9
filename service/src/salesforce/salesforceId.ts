/**
 * Salesforce record ids: 15 case-sensitive characters, or 18 with a 3-character checksum
 * that encodes which of the 15 are upper case. Every id that reaches a query or a table
 * goes through here first, so nothing else is ever spliced into SOQL.
 */
const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ID_BODY = /^[a-zA-Z0-9]{15}$/;

/** Key prefixes of the objects we accept ids for. */
export const ID_PREFIX = { organization: '00D', user: '005' } as const;
export type SalesforceIdKind = keyof typeof ID_PREFIX;

/** Appends the 3-character checksum to a 15-character id body (which must be letters and digits). */
export function withSalesforceChecksum(body15: string): string {
    if (!ID_BODY.test(body15)) throw new Error(`${body15} is not a 15-character Salesforce id.`);
    return body15 + checksumOf(body15);
}

function checksumOf(body15: string): string {
    let suffix = '';
    for (let chunk = 0; chunk < 3; chunk++) {
        let bits = 0;
        for (let i = 0; i < 5; i++) {
            const char = body15.charAt(chunk * 5 + i);
            if (char >= 'A' && char <= 'Z') bits |= 1 << i;
        }
        suffix += CHECKSUM_ALPHABET.charAt(bits);
    }
    return suffix;
}

/**
 * The 18-character form of a valid id of the given kind, or undefined when the value is not
 * one: wrong length or characters, wrong checksum, or another object's key prefix.
 */
export function toSalesforceId18(value: unknown, kind: SalesforceIdKind): string | undefined {
    if (typeof value !== 'string' || (value.length !== 15 && value.length !== 18)) return undefined;
    const body = value.slice(0, 15);
    if (!ID_BODY.test(body) || !body.startsWith(ID_PREFIX[kind])) return undefined;
    const checksum = checksumOf(body);
    // The checksum exists to survive case-insensitive systems, so its own case does not matter.
    if (value.length === 18 && value.slice(15).toUpperCase() !== checksum) return undefined;
    return body + checksum;
}
