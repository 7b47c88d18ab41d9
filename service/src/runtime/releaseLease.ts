import type { Queryable } from '../db/pool';
import { findCallersLease, releaseOpenLease, type LeaseRow } from './leaseRepository';
import { leaseNotFound, type LeaseKey } from './renewLease';

/** R10.2: ends a lease now and frees its place. Releasing a lease that is already over changes nothing. */
export async function releaseLease(db: Queryable, input: LeaseKey & { now: Date }): Promise<LeaseRow> {
    const released = await releaseOpenLease(db, input);
    if (released !== undefined) return released;
    const lease = await findCallersLease(db, input);
    if (lease === undefined) throw leaseNotFound();
    return lease;
}
