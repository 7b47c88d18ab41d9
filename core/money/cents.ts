import { z } from 'zod';
import { BillingError } from '../errors';

/** Money is always a safe integer number of US cents. */
export type Cents = number;

export function isCents(value: unknown): value is Cents {
    return typeof value === 'number' && Number.isSafeInteger(value);
}

export const centsSchema = z.number().int().refine(Number.isSafeInteger, 'must be a safe integer of cents');
export const nonNegativeCentsSchema = centsSchema.refine((value) => value >= 0, 'must not be negative');

/** Converts an exact bigint amount back to Cents, refusing anything outside the safe-integer range. */
export function toCents(amount: bigint): Cents {
    if (amount > BigInt(Number.MAX_SAFE_INTEGER) || amount < BigInt(Number.MIN_SAFE_INTEGER)) {
        throw new BillingError('invalid_amount', 'That amount is too large to bill.', {
            amount: amount.toString()
        });
    }
    return Number(amount);
}

export function multiplyCents(unitPrice: Cents, quantity: number): Cents {
    return toCents(BigInt(unitPrice) * BigInt(quantity));
}

export function sumCents(amounts: readonly Cents[]): Cents {
    return toCents(amounts.reduce((total, amount) => total + BigInt(amount), 0n));
}
