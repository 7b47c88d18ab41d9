import type { LicenseCode } from '../catalog/licenseCatalog';

/** How many of each license an account pays for; a missing license means 0. */
export type LicenseQuantities = Partial<Record<LicenseCode, number>>;

export function quantityOf(quantities: LicenseQuantities, license: LicenseCode): number {
    return quantities[license] ?? 0;
}
