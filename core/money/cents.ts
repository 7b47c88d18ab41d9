/** Money is always a safe integer number of US cents. */
export type Cents = number;

export function isCents(value: unknown): value is Cents {
    return typeof value === 'number' && Number.isSafeInteger(value);
}
