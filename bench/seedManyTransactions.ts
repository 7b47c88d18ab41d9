import type { Pool } from '../service/src/db/pool';

const KINDS = ['licenses', 'minutes', 'services', 'storage'] as const;

/**
 * A long history for the transactions benchmark: `count` more paid transactions (numbered from `offset`) of one line each, spread
 * evenly over the `days` before `now`, kinds in turn, written by PostgreSQL in batches (not by
 * hand, not one by one). Sales rows only: the ledger is not involved in listing them. Ends with
 * VACUUM ANALYZE, as autovacuum would have done long before a real account had this history:
 * without statistics the planner takes the 100,000 fresh rows for a handful (nested loops, 0.5 s
 * totals), and autovacuum would otherwise start on them in the middle of the measurement.
 */
export async function seedManyTransactions(
    pool: Pool,
    accountId: string,
    options: { count: number; now: Date; days: number; offset?: number }
): Promise<void> {
    const spanMs = options.days * 24 * 60 * 60 * 1000;
    const first = options.offset ?? 0;
    for (let start = first; start < first + options.count; start += 10_000) {
        const batch = Math.min(10_000, first + options.count - start);
        await pool.query(
            `WITH made AS (
                 INSERT INTO sales_transactions (billing_account_id, kind, status, total_cents, idempotency_key, created_at)
                 SELECT $1, ($5::text[])[1 + i % 4], 'succeeded', 100 + i % 9000, 'bench-' || i,
                        $2::timestamptz - (($3::bigint * i / $4::bigint) || ' milliseconds')::interval
                 FROM generate_series($6::int, $6::int + $7::int - 1) AS i
                 RETURNING id, kind, total_cents)
             INSERT INTO sales_transaction_lines (transaction_id, line_number, product_code, description, quantity,
                 unit_price_cents, amount_cents)
             SELECT id, 1, upper(kind), 'Benchmark ' || kind, 1, total_cents, total_cents FROM made`,
            [accountId, options.now, spanMs, first + options.count, KINDS, start, batch]
        );
    }
    await pool.query('VACUUM ANALYZE sales_transactions, sales_transaction_lines');
}
