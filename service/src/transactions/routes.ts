import { findCallerAccount } from '../accounts/findCallerAccount';
import { defineRoutes } from '../kernel/defineRoutes';
import { accountParamsSchema } from '../kernel/schemas';
import { findTransaction, transactionJson } from './findTransaction';
import { listTransactionsInRange } from './listTransactionsInRange';
import {
    transactionDetailSchema,
    transactionListSchema,
    transactionNumberParamsSchema,
    transactionRangeQuerySchema
} from './schemas';

const TAGS = ['transactions'];

/** R8: the transactions of one billing account (their receipts: receipts/routes.ts). */
export const transactionRoutes = defineRoutes((app) => {
    app.get(
        '/accounts/:accountId/transactions',
        {
            schema: {
                tags: TAGS,
                description:
                    'R8.2: transactions in a date range (account time zone, both days included) and totals per kind.',
                params: accountParamsSchema,
                querystring: transactionRangeQuerySchema,
                response: { 200: transactionListSchema }
            }
        },
        async (request) =>
            listTransactionsInRange(app.deps.pool, await findCallerAccount(request), {
                ...request.query,
                now: app.deps.clock.now()
            })
    );

    app.get(
        '/accounts/:accountId/transactions/:number',
        {
            schema: {
                tags: TAGS,
                params: transactionNumberParamsSchema,
                response: { 200: transactionDetailSchema }
            }
        },
        async (request) =>
            transactionJson(await findTransaction(app.deps.pool, request.caller, request.params))
    );
});
