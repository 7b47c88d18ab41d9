import type { Queryable } from '../db/pool';
import { deleteEndedLeases } from './leaseRepository';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The dialer writes a lease row per seat or port use; this keeps the table small: leases over for
 * a day (a retry of their acquire after that would take a new lease), and refusals older than the
 * 30 days the Products panel counts. Meant for a daily job.
 */
export function purgeRuntimeHistory(db: Queryable, now: Date): Promise<{ leases: number; refusals: number }> {
    return deleteEndedLeases(db, {
        endedBefore: new Date(now.getTime() - DAY_MS),
        refusedBefore: new Date(now.getTime() - 31 * DAY_MS)
    });
}
