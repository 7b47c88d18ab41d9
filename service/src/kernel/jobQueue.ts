/**
 * Background work a request asks for without waiting on it. The jobs capability implements it on
 * the PostgreSQL queue; without a queue (some tests) the periodic sweeps still catch up.
 */
export interface JobQueue {
    /** Run this account's minute recharge now (R5.3, R5.4): once per threshold crossing. */
    wakeMinuteRecharge(billingAccountId: string): Promise<void>;
}
