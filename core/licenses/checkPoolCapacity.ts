import { LICENSE_CATALOG } from '../catalog/licenses';
import type { LicenseCode } from '../catalog/licenses';
import { BillingError, ok, refused } from '../errors';
import type { Result } from '../errors';

/** R2.3: may one more user start using a pooled license right now? */
export function checkPoolCapacity(
    license: LicenseCode,
    inUse: number,
    quantity: number
): Result<{ available: number }> {
    if (inUse < quantity) return ok({ available: quantity - inUse });
    const { name } = LICENSE_CATALOG[license];
    if (quantity === 0) {
        return refused([
            new BillingError(
                'pool_exhausted',
                `The account has no ${name} licenses; your billing administrator can buy some.`,
                {
                    license,
                    inUse,
                    quantity
                }
            )
        ]);
    }
    return refused([
        new BillingError(
            'pool_exhausted',
            `All ${quantity} ${name} licenses are in use (${inUse} of ${quantity}); wait until someone finishes or raise the quantity.`,
            { license, inUse, quantity }
        )
    ]);
}
