import { LICENSE_CATALOG, LICENSE_CODES } from '../catalog/licenses';
import type { LicenseCode } from '../catalog/licenses';
import { BillingError } from '../errors';
import { multiplyCents, sumCents } from '../money/cents';
import type { Cents } from '../money/cents';
import { quantityOf } from './schemas';
import type { LicensePrices, LicenseQuantities } from './schemas';

export interface RecurringLine {
    readonly license: LicenseCode;
    readonly name: string;
    readonly quantity: number;
    readonly unitPrice: Cents;
    readonly amount: Cents;
}

/** The contracted monthly price of one license (R3.6); an account billing a license without a price is refused. */
export function priceOf(prices: LicensePrices, license: LicenseCode): Cents {
    const price = prices[license];
    if (price === undefined) {
        throw new BillingError(
            'price_missing',
            `This account has no contracted price for ${LICENSE_CATALOG[license].name}; ask your service representative.`,
            {
                license
            }
        );
    }
    return price;
}

/** Quantity × contracted price for every license with a quantity, in catalog order, and their total. */
export function monthlyRecurring(
    quantities: LicenseQuantities,
    prices: LicensePrices
): { lines: RecurringLine[]; total: Cents } {
    const lines = LICENSE_CODES.filter((license) => quantityOf(quantities, license) > 0).map((license) => {
        const quantity = quantityOf(quantities, license);
        const unitPrice = priceOf(prices, license);
        return {
            license,
            name: LICENSE_CATALOG[license].name,
            quantity,
            unitPrice,
            amount: multiplyCents(unitPrice, quantity)
        };
    });
    return { lines, total: sumCents(lines.map((line) => line.amount)) };
}
