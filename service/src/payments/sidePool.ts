import pg from 'pg';
import type { Pool } from '../db/pool';

const SIDE_POOL_SIZE = 3;
export const SIDE_POOL_APPLICATION_NAME = 'billing-side-pool';
const sidePools = new WeakMap<Pool, Pool>();

/**
 * A small pool on the same database as `pool`, for writes made while a request's transaction
 * holds one of `pool`'s connections (the local processor's records, a declined charge's record).
 * Taken from `pool` itself, they could wait for ever once every connection is held by a request
 * waiting on them; the side pool's connections are never held by anything that waits.
 */
export function sidePoolFor(pool: Pool): Pool {
    let side = sidePools.get(pool);
    if (side === undefined) {
        side = new pg.Pool({
            ...pool.options,
            max: SIDE_POOL_SIZE,
            allowExitOnIdle: true,
            application_name: SIDE_POOL_APPLICATION_NAME
        });
        // An idle connection closed by the server (restart, test teardown) is dropped; the next query
        // opens a new one. Without a listener the pool's 'error' event would crash the process.
        side.on('error', () => undefined);
        sidePools.set(pool, side);
    }
    return side;
}
