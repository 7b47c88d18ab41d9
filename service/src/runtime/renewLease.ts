import { serviceError } from '../kernel/serviceError';
import type { Queryable } from '../db/pool';
import { findCallersLease, renewLiveLease, type LeaseRow } from './leaseRepository';

export interface LeaseKey {
    leaseId: string;
    orgId: string;
    userId: string;
}

export function leaseNotFound(): Error {
    return serviceError('lease_not_found', 'There is no lease with that id for this user in this org.');
}

/**
 * R10.2: the heartbeat of a live lease: it now expires one TTL from now. A lease that expired or
 * was released is over (its place may be someone else's): acquire a new one.
 */
export async function renewLease(
    db: Queryable,
    input: LeaseKey & { now: Date; ttlSeconds: number }
): Promise<LeaseRow> {
    const renewed = await renewLiveLease(db, input);
    if (renewed !== undefined) return renewed;
    if ((await findCallersLease(db, input)) === undefined) throw leaseNotFound();
    throw serviceError(
        'lease_expired',
        'This lease has expired or was released, so its place may be in use by someone else; acquire a new lease.'
    );
}
