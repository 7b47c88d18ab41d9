/** Display helpers shared by the panels. Money arrives as integer cents and stays so until shown. */

const CURRENCY = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const NUMBER = new Intl.NumberFormat('en-US');
const CENTS_PER_DOLLAR = 100;

/** `12345` → `$123.45`; the only division by 100 is here, for display. */
export function formatCents(cents: number): string {
    return CURRENCY.format(cents / CENTS_PER_DOLLAR);
}

export function formatNumber(value: number): string {
    return NUMBER.format(value);
}

/** Dollars typed by a person (`"100"`, `"100.5"`, `"1,000.00"`) → cents, or null when not money. */
export function parseDollarsToCents(text: string): number | null {
    const match = /^\s*\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*$/.exec(text);
    if (!match) return null;
    const whole = Number(match[1].replace(/,/g, ''));
    const fraction = Number((match[2] ?? '').padEnd(2, '0'));
    return whole * CENTS_PER_DOLLAR + fraction;
}

const BYTES_PER_MEGABYTE = 1024 * 1024;
const MEGABYTES = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** Storage sizes in MB as the documents count them (1 GB = 1,024 MB, R6.1). */
export function formatMegabytes(bytes: number): string {
    return `${MEGABYTES.format(bytes / BYTES_PER_MEGABYTE)} MB`;
}

/** "Visa ending 4242", "Bank account ending 6789": how a funding source is named everywhere. */
export function describeFundingSource(source: { kind: string; brand: string; last4: string } | null): string {
    if (!source) return 'No funding source';
    const brand = source.brand.charAt(0).toUpperCase() + source.brand.slice(1);
    const name = source.kind === 'card' ? brand || 'Card' : 'Bank account';
    return `${name} ending ${source.last4}`;
}

/** "expires 04/2029" for a card; '' for a bank account (no expiry). */
export function describeExpiry(source: { expMonth: number | null; expYear: number | null }): string {
    if (!source.expMonth || !source.expYear) return '';
    return `expires ${String(source.expMonth).padStart(2, '0')}/${source.expYear}`;
}

/** An ISO date (`2026-11-22`, or a timestamp) as the admin reads it: `Nov 22, 2026`. */
export function formatDate(iso: string | null | undefined): string {
    if (!iso) return '';
    const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
    return date.toLocaleDateString('en-US', {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        timeZone: 'UTC'
    });
}

/** `YYYY-MM-DD` of a Date, in UTC. */
export function isoDate(date: Date): string {
    return date.toISOString().slice(0, 10);
}
