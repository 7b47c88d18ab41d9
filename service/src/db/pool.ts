import pg from 'pg';

// PostgreSQL bigint (int8) and numeric come back as strings by default. Money sums are bigint:
// they stay exact as JS numbers up to 2^53 cents, far beyond any bill, so parse them.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => {
    const parsed = Number(value);
    if (!Number.isSafeInteger(parsed)) throw new Error(`bigint ${value} is beyond the safe integer range`);
    return parsed;
});

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;
/** A connection inside an open transaction (see withTransaction). */
export type Tx = pg.PoolClient;
/** Anything that runs queries: the pool or a transaction's client. */
export type Queryable = pg.Pool | pg.PoolClient;

export interface PoolOptions {
    connectionString: string;
    /** Every connection of the pool uses this schema first (tests work in their own schema). */
    schema?: string;
    max?: number;
    /** An idle connection's error (server restart, network): logged, the pool replaces the connection. */
    onIdleError?: (error: Error) => void;
}

export function createPool(options: PoolOptions): Pool {
    const config: pg.PoolConfig = { connectionString: options.connectionString, max: options.max ?? 10 };
    if (options.schema !== undefined)
        config.options = `-c search_path=${quoteIdentifier(options.schema)},public`;
    const pool = new pg.Pool(config);
    // Without a listener, an idle connection dropped by the server would crash the process.
    pool.on(
        'error',
        options.onIdleError ??
            ((error) => {
                console.error('[pg pool] idle connection lost:', error.message);
            })
    );
    return pool;
}

export function quoteIdentifier(name: string): string {
    return `"${name.replaceAll('"', '""')}"`;
}
