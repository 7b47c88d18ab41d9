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

/** Every wait on the database is bounded (milliseconds). */
export interface PoolLimits {
    /** Connections of the pool. */
    max: number;
    /** How long a request waits for a free connection before it is answered 503. */
    acquireTimeoutMs: number;
    /** The longest one statement may run. */
    statementTimeoutMs: number;
    /** The longest a statement waits for a row or table lock. */
    lockTimeoutMs: number;
    /** A transaction left open and idle this long is ended by the server (its connection closed). */
    idleInTransactionTimeoutMs: number;
}

export const DEFAULT_POOL_LIMITS: PoolLimits = {
    max: 10,
    acquireTimeoutMs: 3_000,
    statementTimeoutMs: 10_000,
    lockTimeoutMs: 3_000,
    idleInTransactionTimeoutMs: 10_000
};

const LIMIT_VARIABLES: Record<keyof PoolLimits, string> = {
    max: 'DB_POOL_SIZE',
    acquireTimeoutMs: 'DB_ACQUIRE_TIMEOUT_MS',
    statementTimeoutMs: 'DB_STATEMENT_TIMEOUT_MS',
    lockTimeoutMs: 'DB_LOCK_TIMEOUT_MS',
    idleInTransactionTimeoutMs: 'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS'
};

/** The limits set in the environment (DB_POOL_SIZE, DB_*_TIMEOUT_MS), the defaults for the rest. */
export function poolLimitsFromEnv(env: NodeJS.ProcessEnv): PoolLimits {
    const limits = { ...DEFAULT_POOL_LIMITS };
    for (const [field, variable] of Object.entries(LIMIT_VARIABLES) as [keyof PoolLimits, string][]) {
        const raw = env[variable];
        if (raw === undefined || raw === '') continue;
        const value = Number(raw);
        if (!Number.isSafeInteger(value) || value <= 0)
            throw new Error(`${variable} must be a positive whole number, not '${raw}'`);
        limits[field] = value;
    }
    return limits;
}

export interface PoolOptions extends Partial<PoolLimits> {
    connectionString: string;
    /** Every connection of the pool uses this schema first (tests work in their own schema). */
    schema?: string;
    /** An idle connection's error (server restart, network): logged, the pool replaces the connection. */
    onIdleError?: (error: Error) => void;
    /** false: commits do not wait for the disk (only for records whose loss on a crash is harmless). */
    synchronousCommit?: false;
}

export function createPool(options: PoolOptions): Pool {
    const limits = { ...DEFAULT_POOL_LIMITS, ...definedFields(options) };
    const settings = [
        `-c statement_timeout=${limits.statementTimeoutMs}`,
        `-c lock_timeout=${limits.lockTimeoutMs}`,
        `-c idle_in_transaction_session_timeout=${limits.idleInTransactionTimeoutMs}`
    ];
    if (options.synchronousCommit === false) settings.push('-c synchronous_commit=off');
    if (options.schema !== undefined)
        settings.push(`-c search_path=${quoteIdentifier(options.schema)},public`);
    const pool = new pg.Pool({
        connectionString: options.connectionString,
        max: limits.max,
        connectionTimeoutMillis: limits.acquireTimeoutMs,
        options: settings.join(' ')
    });
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

function definedFields(options: PoolOptions): Partial<PoolLimits> {
    const limits: Partial<PoolLimits> = {};
    for (const field of Object.keys(LIMIT_VARIABLES) as (keyof PoolLimits)[]) {
        const value = options[field];
        if (value !== undefined) limits[field] = value;
    }
    return limits;
}

export function quoteIdentifier(name: string): string {
    return `"${name.replaceAll('"', '""')}"`;
}
