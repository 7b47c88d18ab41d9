import type { MeteredEvent } from '../service/src/minutes/recordUsage';
import { recordUsage } from '../service/src/minutes/recordUsage';
import type { Pool } from '../service/src/db/pool';
import { withTransaction } from '../service/src/db/withTransaction';
import { makeAccount } from '../service/src/testing/factories';
import { measureAsync, printComparison } from './measure';

/**
 * (c) Usage metering: recordUsage (rating, one ledger transfer per batch, the rows) against the
 * same rows inserted into a copy of minute_usage (same columns and indexes, no ledger, no rating).
 */
export async function benchUsage(
    pool: Pool,
    options: { durationMs: number; concurrency: number; batchSize: number }
): Promise<void> {
    const accounts = await Promise.all(
        Array.from({ length: options.concurrency }, () => makeAccount(pool, { users: 1 }))
    );
    await pool.query(
        'CREATE TABLE bench_usage (LIKE minute_usage INCLUDING DEFAULTS INCLUDING INDEXES INCLUDING IDENTITY)'
    );
    const at = new Date();
    const events: MeteredEvent[] = Array.from({ length: options.batchSize }, (_, index) =>
        index % 5 === 4
            ? { kind: 'sms', messages: 1, occurredAt: at }
            : { kind: 'call', seconds: 30 + (index % 300), occurredAt: at }
    );
    const accountOf = (worker: number) => accounts[worker]?.accountId ?? '';
    const run = Date.now().toString(36);
    const baseline = await measureAsync(options, (worker) =>
        withTransaction(pool, async (tx) => {
            await tx.query(
                `INSERT INTO bench_usage (billing_account_id, occurred_at, call_seconds, sms_count, rated_cents, ledger_transfer_id)
                 SELECT $1, u.occurred_at, u.call_seconds, u.sms_count, u.rated_cents, 'baseline'
                 FROM unnest($2::timestamptz[], $3::int[], $4::int[], $5::bigint[])
                     AS u(occurred_at, call_seconds, sms_count, rated_cents)`,
                [
                    accountOf(worker),
                    events.map((event) => event.occurredAt),
                    events.map((event) => (event.kind === 'call' ? event.seconds : 0)),
                    events.map((event) => (event.kind === 'sms' ? event.messages : 0)),
                    events.map(() => 1)
                ]
            );
        })
    );
    const subject = await measureAsync(options, (worker, iteration) =>
        withTransaction(pool, async (tx) => {
            await recordUsage(tx, {
                accountId: accountOf(worker),
                smsRateCents: 2,
                batchId: `${run}-${iteration}`,
                events,
                now: at
            });
        })
    );
    printComparison(
        '(c) usage metering: recordUsage batch vs plain batched INSERT',
        `${options.batchSize} calls/texts per batch, one transaction per batch; concurrency ${options.concurrency} (one account per worker); ${options.durationMs / 1000} s per side`,
        {
            label: 'INSERT … SELECT unnest(…) into a copy of minute_usage',
            measurement: baseline,
            unitsPerOp: options.batchSize
        },
        {
            label: 'recordUsage: rate, 1 ledger transfer, jsonb rows',
            measurement: subject,
            unitsPerOp: options.batchSize
        },
        'rows'
    );
}
