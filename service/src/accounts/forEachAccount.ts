export type AccountJobResult<T> = {
    accountId: string;
    outcome: T | { status: 'error'; message: string };
};

/** Runs a job on each account in turn: one account's failure is reported, and does not stop the others. */
export async function forEachAccount<T>(
    accountIds: readonly string[],
    run: (accountId: string) => Promise<T>
): Promise<AccountJobResult<T>[]> {
    const results: AccountJobResult<T>[] = [];
    for (const accountId of accountIds) {
        try {
            results.push({ accountId, outcome: await run(accountId) });
        } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            results.push({ accountId, outcome: { status: 'error', message } });
        }
    }
    return results;
}
