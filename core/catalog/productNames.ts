import { SERVICE_CATALOG, type ServiceCode } from './implementationServices';
import { isLicenseCode, LICENSE_CATALOG } from './licenses';

/** Products a transaction line can carry that are neither a license nor a catalogue service. */
const OTHER_PRODUCT_NAMES: Readonly<Record<string, string>> = {
    MINUTES: 'Dialer minutes',
    STORAGE: 'Storage',
    OTHER: 'Other services',
    CREDIT: 'Credit from PowerDialer',
    REFUND: 'Refund'
};

function isServiceCode(code: string): code is ServiceCode {
    return code in SERVICE_CATALOG;
}

/**
 * The name a person reads for a line's product code (`DIALER_TAB` → "Dialer Tab"), on receipts and
 * wherever a product is named; an unknown code is shown as "Other".
 */
export function productName(code: string): string {
    if (isLicenseCode(code)) return LICENSE_CATALOG[code].name;
    if (isServiceCode(code)) return SERVICE_CATALOG[code].name;
    return OTHER_PRODUCT_NAMES[code] ?? 'Other';
}
