import { z } from 'zod';
import { BillingError } from '../errors';
import type { Cents } from './cents';
import { toCents } from './cents';

const DOLLARS = /^\$?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/**
 * A dollar amount typed by a person, parsed exactly: `'100'`, `'100.5'`, `'$1,250.00'`.
 * Refuses negatives, three or more decimals, and anything that is not a plain amount.
 */
export function parseUsd(text: string): Cents {
    const match = DOLLARS.exec(text.trim());
    if (match === null) {
        throw new BillingError(
            'invalid_amount',
            `"${text}" is not a dollar amount; write it like 100.00 (at most two decimals).`,
            { input: text }
        );
    }
    const dollars = (match[1] ?? '0').replaceAll(',', '');
    const cents = (match[2] ?? '').padEnd(2, '0');
    return toCents(BigInt(dollars) * 100n + BigInt(cents));
}

/** A zod schema turning a dollars string into Cents (for request bodies that carry typed amounts). */
export const usdStringSchema = z.string().transform((text, context): Cents => {
    try {
        return parseUsd(text);
    } catch (error) {
        context.addIssue({
            code: 'custom',
            message: error instanceof Error ? error.message : 'invalid amount'
        });
        return z.NEVER;
    }
});
