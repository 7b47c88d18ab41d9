import { SERVICE_CODES } from '../../../core/index';
import type { LedgerAccountCode } from '../ledger/ledgerAccounts';

export const PURCHASE_KINDS = [
    'licenses',
    'minutes',
    'services',
    'storage',
    'cycle',
    'refund',
    'credit'
] as const;
export type PurchaseKind = (typeof PURCHASE_KINDS)[number];

/**
 * The headings of the transactions panel (R8.2); a cycle charge splits into licenses and storage.
 * 'credits': refunds and goodwill credits given by PowerDialer (R11.1), money back to the customer.
 */
export const REPORTED_KINDS = ['licenses', 'minutes', 'services', 'storage', 'credits'] as const;
export type ReportedKind = (typeof REPORTED_KINDS)[number];

/** Product code of the storage fee line on a cycle charge (R4.1, R6). */
export const STORAGE_PRODUCT_CODE = 'STORAGE';

function isServiceProduct(productCode: string): boolean {
    return SERVICE_PRODUCT_CODES.includes(productCode);
}

/** Product code of a representative's "other services" charge (R7.5). */
export const OTHER_SERVICES_PRODUCT_CODE = 'OTHER';

/** Product codes of services (R7.5) and of "other services" added by a representative. */
export const SERVICE_PRODUCT_CODES: readonly string[] = [...SERVICE_CODES, OTHER_SERVICES_PRODUCT_CODE];

export function reportedKindOf(kind: PurchaseKind, productCode: string): ReportedKind {
    switch (kind) {
        case 'cycle':
            // A cycle bill also carries the non-recurring lines a representative put on it (issue 14).
            if (productCode === STORAGE_PRODUCT_CODE) return 'storage';
            return isServiceProduct(productCode) ? 'services' : 'licenses';
        case 'licenses':
        case 'minutes':
        case 'services':
        case 'storage':
            return kind;
        case 'refund':
        case 'credit':
            return 'credits';
    }
}

/**
 * The purchase kinds whose every line is reported as `kind` (reportedKindOf of any product): all
 * but a cycle bill, whose lines are reported by product. The kind filter lists these and the cycle
 * bills with a line of the kind (R8.2).
 */
export function purchaseKindsReportedAs(kind: ReportedKind): PurchaseKind[] {
    return PURCHASE_KINDS.filter((purchase) => purchase !== 'cycle' && reportedKindOf(purchase, '') === kind);
}

/** Where the sale is credited: revenue, except minutes, which we owe until used (a liability). */
export function creditAccountOf(kind: ReportedKind): LedgerAccountCode {
    switch (kind) {
        case 'licenses':
            return 'revenue_licenses';
        case 'minutes':
            return 'minutes_prepaid';
        case 'services':
            return 'revenue_services';
        case 'storage':
            return 'revenue_storage';
        case 'credits':
            return 'credits_and_refunds';
    }
}
