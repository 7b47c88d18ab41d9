/**
 * How a funding source is named to a person everywhere (panels, receipts, refusals): "Visa ending
 * 4242", "Bank account ending 6789". The processor's brand codes (`visa`, `amex`) never show.
 */
const CARD_BRAND_NAMES: Readonly<Record<string, string>> = {
    visa: 'Visa',
    mastercard: 'Mastercard',
    amex: 'American Express',
    discover: 'Discover',
    diners: 'Diners Club',
    jcb: 'JCB',
    unionpay: 'UnionPay'
};

export function fundingSourceName(source: { kind: string; brand: string; last4: string }): string {
    if (source.kind !== 'card') return `Bank account ending ${source.last4}`;
    return `${CARD_BRAND_NAMES[source.brand.toLowerCase()] ?? 'Card'} ending ${source.last4}`;
}
