import type { LightMyRequestResponse } from 'fastify';
import { fixedClock } from '../kernel/clock';
import { createLocalProcessor } from '../payments/localProcessor';
import { seedMoney } from '../seed/seedMoney';
import { as } from './buildTestApp';
import { makeAccount, TEST_NOW, type TestAccount } from './factories';
import { useTestApp, type TestApp } from './testDatabase';

export interface SeededMoneyApp extends TestApp {
    /** The account with seedMoney's cards, a purchase of each kind and 30 days of usage. */
    account: TestAccount;
    /** GET /api/v1/accounts/:account/transactions`query` (e.g. '?kind=storage') as `who`'s admin. */
    listTransactions(query: string, who?: TestAccount): Promise<LightMyRequestResponse>;
}

/**
 * For a test file about the transactions the panels list (R8): the app on a fresh schema with the
 * local test processor, and one account seeded by seedMoney at TEST_NOW (made in beforeAll).
 * `const t = useSeededMoneyApp();` then `t.account`, `t.db.pool`, `await t.listTransactions('?kind=storage')`.
 */
export function useSeededMoneyApp(): SeededMoneyApp {
    const context = useTestApp((pool) => ({ processor: createLocalProcessor(pool) })) as SeededMoneyApp;
    beforeAll(async () => {
        context.account = await makeAccount(context.db.pool);
        await seedMoney(context.db.pool, context.account.accountId, fixedClock(TEST_NOW));
    });
    context.listTransactions = (query, who = context.account) =>
        context.app.inject({
            url: `/api/v1/accounts/${context.account.accountId}/transactions${query}`,
            headers: as({ orgId: who.orgId, userId: who.admin.id })
        });
    return context;
}
