import type { Pool } from '../service/src/db/pool';
import { withTransaction } from '../service/src/db/withTransaction';
import { postTransfer } from '../service/src/ledger/postTransfer';
import { makeAccount } from '../service/src/testing/factories';
import { measureAsync, printComparison } from './measure';

/**
 * (a) One ledger transfer (transfer row, two entries, zero-sum check and its commit trigger) in its
 * own transaction, against one row inserted under a unique key in its own transaction.
 */
export async function benchLedger(
    pool: Pool,
    options: { durationMs: number; concurrency: number }
): Promise<void> {
    const { accountId } = await makeAccount(pool, { users: 1 });
    await pool.query('CREATE TABLE bench_single_row (id text PRIMARY KEY, amount_cents bigint NOT NULL)');
    const run = Date.now().toString(36);
    const baseline = await measureAsync(options, (worker, iteration) =>
        withTransaction(pool, async (tx) => {
            await tx.query('INSERT INTO bench_single_row (id, amount_cents) VALUES ($1, $2)', [
                `row:${run}:${worker}:${iteration}`,
                100
            ]);
        })
    );
    const subject = await measureAsync(options, (worker, iteration) =>
        withTransaction(pool, async (tx) => {
            await postTransfer(tx, {
                id: `bench:${run}:${worker}:${iteration}`,
                billingAccountId: accountId,
                kind: 'minutes_purchase',
                description: 'Benchmark purchase',
                entries: [
                    { account: 'processor_clearing', debitCents: 100 },
                    { account: 'minutes_prepaid', creditCents: 100 }
                ],
                at: new Date()
            });
        })
    );
    printComparison(
        '(a) ledger postTransfer vs single-row INSERT',
        `each op its own transaction; concurrency ${options.concurrency}; ${options.durationMs / 1000} s per side`,
        { label: 'INSERT one row with a unique key', measurement: baseline },
        { label: 'postTransfer: transfer + 2 entries, zero-sum checked', measurement: subject },
        'tx'
    );
}
