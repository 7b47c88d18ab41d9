import type { Cents } from './cents';

const GROUPING = new Intl.NumberFormat('en-US', { useGrouping: true });

/** `12345` → `'$123.45'`, `-5` → `'-$0.05'`, `123456789` → `'$1,234,567.89'`. */
export function formatUsd(amount: Cents): string {
    const exact = BigInt(amount);
    const magnitude = exact < 0n ? -exact : exact;
    const dollars = GROUPING.format(magnitude / 100n);
    const cents = (magnitude % 100n).toString().padStart(2, '0');
    return `${exact < 0n ? '-' : ''}$${dollars}.${cents}`;
}
