import type { Cents } from './cents';
import { toCents } from './cents';

/**
 * THE rounding of the system: the exact rational `numerator / denominator` rounded to the nearest
 * integer, halves away from zero (2.5 → 3, -2.5 → -3), so a refund rounds like the charge it mirrors.
 * Integers only (safe numbers or bigint): money never passes through floating point.
 */
export function roundHalfUp(numerator: bigint | number, denominator: bigint | number): Cents {
    const n = BigInt(numerator);
    const d = BigInt(denominator);
    if (d === 0n) throw new RangeError('roundHalfUp: denominator is zero');
    const negative = n < 0n !== d < 0n;
    const absN = n < 0n ? -n : n;
    const absD = d < 0n ? -d : d;
    const rounded = (2n * absN + absD) / (2n * absD);
    return toCents(negative ? -rounded : rounded);
}
