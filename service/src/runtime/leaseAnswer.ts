import { serviceError } from '../kernel/serviceError';
import { LICENSE_CATALOG, type LicenseCode } from '../../../core/index';
import { accountCancelled, checkAccountCount } from './runtimeAccount';
import type { LeasePurpose, PoolCount, TakeLeaseRow } from './leaseRepository';

export interface LeaseAnswer {
    leaseId: string;
    accountId: string;
    license: LicenseCode;
    purpose: LeasePurpose;
    expiresAt: string;
    ttlSeconds: number;
    /** Leases of this pool live now (this one included) and the pool's size. */
    inUse: number;
    quantity: number;
}

/** How a refusal is worded: which licenses are missing, or the pools found full. */
export interface RefusalWording {
    missing(held: readonly LicenseCode[]): Error;
    full(pools: readonly PoolCount[]): Error;
}

/** The statement's row as the answer, or the refusal it stands for (the checks in their order). */
export function leaseAnswer(
    row: TakeLeaseRow,
    input: { leaseId: string; purpose: LeasePurpose; ttlSeconds: number },
    wording: RefusalWording
): LeaseAnswer {
    checkAccountCount(row.accounts);
    if (row.status === 'cancelled') throw accountCancelled();
    const lease = row.lease;
    if (lease === null || row.accountId === null) throw wording.missing(row.held);
    if (lease.outcome === 'conflict')
        throw serviceError(
            'lease_id_reused',
            'This lease id was already used for another lease; choose a new id for each lease.'
        );
    if (lease.outcome === 'refused') throw wording.full(lease.pools);
    const pool = lease.pools.find((candidate) => candidate.license === lease.license);
    return {
        leaseId: input.leaseId,
        accountId: row.accountId,
        license: lease.license,
        purpose: input.purpose,
        expiresAt: new Date(lease.expiresAt).toISOString(),
        ttlSeconds: input.ttlSeconds,
        inUse: pool?.inUse ?? 0,
        quantity: pool?.quantity ?? 0
    };
}

/** R2.4: `no_license` naming what the user lacks. */
export function noLicense(missing: readonly LicenseCode[]): Error {
    return serviceError(
        'no_license',
        `This user has no ${missing.map((code) => LICENSE_CATALOG[code].name).join(' or ')} license. Ask your billing administrator to assign it.`,
        { missing }
    );
}
