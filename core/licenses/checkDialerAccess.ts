import type { LicenseCode } from '../catalog/licenses';
import { BillingError, ok, refused } from '../errors';
import type { Result } from '../errors';

const DIALER_NEEDS: readonly LicenseCode[] = ['DIALER_TAB', 'DIALER'];

/** R2.5: the dialer opens only for users assigned both Dialer Tab and Dialer, whatever their Salesforce permissions. */
export function checkDialerAccess(userLicenses: readonly LicenseCode[]): Result<void> {
    const missing = DIALER_NEEDS.filter((license) => !userLicenses.includes(license));
    if (missing.length === 0) return ok(undefined);
    return refused([
        new BillingError(
            'no_dialer_license',
            'You have no license for the dialer. Ask your billing administrator to assign you Dialer Tab and Dialer.',
            {
                missing
            }
        )
    ]);
}
