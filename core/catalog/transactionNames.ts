/**
 * What an admin reads for each kind of transaction (R8.2, R8.3): one source for the Sales
 * Transactions panel, the billing summary and the receipts, so no enum name reaches a person.
 */

/** The panel's headings and kind filter (a cycle bill splits into licenses and storage). */
export const REPORTED_KIND_NAMES = {
    licenses: 'Licenses',
    minutes: 'Dialer minutes',
    services: 'Services',
    storage: 'Storage',
    credits: 'Credits and refunds'
} as const;

/** Each transaction's own kind, as its row, the summary's recent purchases and its receipt say it. */
export const PURCHASE_KIND_NAMES = {
    licenses: REPORTED_KIND_NAMES.licenses,
    minutes: REPORTED_KIND_NAMES.minutes,
    services: REPORTED_KIND_NAMES.services,
    storage: REPORTED_KIND_NAMES.storage,
    cycle: 'Monthly bill',
    refund: 'Refund',
    credit: 'Credit from PowerDialer'
} as const;
