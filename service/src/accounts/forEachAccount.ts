import pLimit from 'p-limit';

export type AccountJobResult<T> = {
    accountId: string;
    outcome: T | { status: 'error'; message: string };
};

/**
 * Runs a job on each account, `concurrency` at a time (default one after another): one account's
 * failure is reported, and does not stop the others. `onResult` sees each result as it ends.
 */
export async function forEachAccount<T, W extends { accountId: string } | string>(
    work: readonly W[],
    run: (item: W) => Promise<T>,
    options: { concurrency?: number; onResult?: (result: AccountJobResult<T>) => void } = {}
): Promise<AccountJobResult<T>[]> {
    const limit = pLimit(options.concurrency ?? 1);
    return Promise.all(
        work.map((item) =>
            limit(async () => {
                const accountId = typeof item === 'string' ? item : item.accountId;
                let result: AccountJobResult<T>;
                try {
                    result = { accountId, outcome: await run(item) };
                } catch (error) {
                    const message = error instanceof Error ? error.message : String(error);
                    result = { accountId, outcome: { status: 'error', message } };
                }
                options.onResult?.(result);
                return result;
            })
        )
    );
}
