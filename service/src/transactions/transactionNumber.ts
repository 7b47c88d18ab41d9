/** `123` → `'TRX-000123'`: the number people read on receipts. */
export function formatTransactionNumber(number: number): string {
    return `TRX-${String(number).padStart(6, '0')}`;
}

/** `'TRX-000123'` (any case, leading zeros optional) → `123`; undefined when it is not a TRX number. */
export function parseTransactionNumber(text: string): number | undefined {
    const match = /^TRX-(\d{1,15})$/i.exec(text);
    if (match === null) return undefined;
    const number = Number(match[1]);
    return Number.isSafeInteger(number) && number > 0 ? number : undefined;
}
