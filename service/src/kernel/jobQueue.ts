/**
 * Background work a request asks for without waiting on it. The jobs capability implements it on
 * the PostgreSQL queue (pg-boss); without a queue (some tests) the periodic sweeps still catch up.
 */
export interface JobQueue {
    /** Run this account's minute recharge now (R5.3, R5.4): once per threshold crossing. */
    wakeMinuteRecharge(billingAccountId: string): Promise<void>;
    /** R4.2: a funding source was added or changed: retry this account's unpaid cycle now. */
    retryCycleNow?(billingAccountId: string): Promise<void>;
}
