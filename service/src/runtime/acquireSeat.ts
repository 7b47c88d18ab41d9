import {
    checkDialerAccess,
    checkPoolCapacity,
    LICENSE_CATALOG,
    unwrap,
    type LicenseCode
} from '../../../core/index';
import type { Queryable } from '../db/pool';
import { leaseAnswer, noLicense, type LeaseAnswer } from './leaseAnswer';
import { takeLease } from './leaseRepository';

/** Pooled licenses whose use takes a seat (R2.3). Ports are leased by purpose (acquirePort). */
export const SEAT_LICENSES = [
    'DIALER_TAB',
    'DIALER',
    'INBOUND',
    'FAX'
] as const satisfies readonly LicenseCode[];
export type SeatLicense = (typeof SEAT_LICENSES)[number];

const DIALER_SEATS: readonly LicenseCode[] = ['DIALER_TAB', 'DIALER'];

/** What the user must hold: the license and its prerequisites (R2.4); any dialer seat needs both dialer licenses (R2.5). */
export function seatRequires(license: SeatLicense): LicenseCode[] {
    const needs = DIALER_SEATS.includes(license) ? ['CRM', ...DIALER_SEATS] : ['CRM', license];
    return [...new Set([...needs, ...LICENSE_CATALOG[license].prerequisites])] as LicenseCode[];
}

/**
 * R2.3, R2.5, R10.2: a seat of a pooled license for one user, as a lease with a TTL; a retry with
 * the same lease id answers the same lease. Refused with no_dialer_license / no_license (what is
 * missing), pool_exhausted (how many in use of how many) or account_cancelled.
 */
export async function acquireSeat(
    db: Queryable,
    input: {
        orgId: string;
        accountId?: string | undefined;
        userId: string;
        license: SeatLicense;
        leaseId: string;
        now: Date;
        ttlSeconds: number;
    }
): Promise<LeaseAnswer> {
    const required = seatRequires(input.license);
    const row = await takeLease(db, {
        ...input,
        accountId: input.accountId,
        purpose: 'seat',
        required,
        pools: [input.license]
    });
    return leaseAnswer(
        row,
        { ...input, purpose: 'seat' },
        {
            missing: (held) => {
                if (DIALER_SEATS.includes(input.license)) {
                    const dialer = checkDialerAccess(held);
                    if (!dialer.ok) unwrap(dialer);
                }
                return noLicense(required.filter((license) => !held.includes(license)));
            },
            full: (pools) => {
                const pool = pools[0];
                unwrap(checkPoolCapacity(input.license, pool?.inUse ?? 0, pool?.quantity ?? 0));
                return new Error('unreachable: a refused pool has no free seat');
            }
        }
    );
}
