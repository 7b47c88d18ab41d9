/**
 * PostgreSQL and pool errors that mean "too busy right now, try again shortly": no free connection
 * within the acquire timeout, a lock not granted within lock_timeout, a statement cancelled by
 * statement_timeout, a deadlock victim, a transaction ended for idling, the server's connection
 * limit. The request changed nothing (its transaction rolled back), so 503 with Retry-After is right.
 */
const BUSY_SQLSTATES = new Set([
    '55P03', // lock_not_available (lock_timeout)
    '57014', // query_canceled (statement_timeout)
    '40P01', // deadlock_detected
    '40001', // serialization_failure
    '25P03', // idle_in_transaction_session_timeout
    '53300', // too_many_connections
    '57P03' // cannot_connect_now (server starting or shutting down)
]);

export function isDatabaseBusy(error: unknown): boolean {
    if (!(error instanceof Error)) return false;
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && BUSY_SQLSTATES.has(code)) return true;
    // pg-pool's message when no connection was free within connectionTimeoutMillis.
    return /timeout exceeded when trying to connect/.test(error.message);
}
