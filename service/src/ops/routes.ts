import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { defineRoutes, type RoutesApp } from '../kernel/defineRoutes';
import { errorResponseSchema } from '../kernel/schemas';
import { parseTransactionNumber } from '../transactions/transactionNumber';
import { transactionNumberSchema } from '../transactions/schemas';
import { REASON_HEADER } from './authenticateOperators';
import {
    addCharge,
    amendContract,
    connectLine,
    credit,
    disconnectLine,
    onboard,
    previewContractChange,
    previewOnboarding,
    refund
} from './operatorChanges';
import {
    chargeSchema,
    contractChangeSchema,
    creditSchema,
    onboardingSchema,
    orgIdSchema,
    refundSchema,
    tollFreeSchema
} from './schemas';
import {
    readAudit,
    readCancellation,
    readCompany,
    readContracts,
    readLicenses,
    readTransaction,
    readTransactions
} from './supportView';

const orgParams = z.object({ orgId: orgIdSchema });
const accountParams = orgParams.extend({ accountId: z.uuid() });
const numberParams = accountParams.extend({ number: transactionNumberSchema });
const lineParams = accountParams.extend({ lineId: z.uuid() });

const OPERATOR_SECURITY = [{ operator: [] }];
// Answers are documented by their use cases' types (the CLI prints them); refusals are `{ code, message }`.
const ANSWER = z.unknown();
const RESPONSES = {
    200: ANSWER,
    201: ANSWER,
    400: errorResponseSchema,
    401: errorResponseSchema,
    403: errorResponseSchema,
    404: errorResponseSchema,
    409: errorResponseSchema,
    422: errorResponseSchema
};
const reasonHeader = z.object({
    [REASON_HEADER]: z.string().describe('Why (a ticket number, a sentence): audited')
});

function schema<T extends object>(tags: string, description: string, extra: T) {
    return {
        tags: [`ops: ${tags}`],
        description,
        security: OPERATOR_SECURITY,
        headers: reasonHeader,
        response: RESPONSES,
        ...extra
    };
}

const FINANCE = { financeOnly: true } as const;

/** A support read of one account: GET `url`, answered by `read(request, orgId, accountId)`. */
function getAccountRead(
    app: RoutesApp,
    url: string,
    read: (request: FastifyRequest, orgId: string, accountId: string) => unknown,
    tags: string,
    description: string
): void {
    app.get(url, { schema: schema(tags, description, { params: accountParams }) }, (request) =>
        read(request, request.params.orgId, request.params.accountId)
    );
}

/**
 * An operator change: POST `url` with its params and body schemas (audited, with an Idempotency-Key,
 * see runOperatorChange), answered by `change(request, reply, params, body)`.
 */
function postChange<P extends z.ZodType, B extends z.ZodType>(
    app: RoutesApp,
    url: string,
    change: (request: FastifyRequest, reply: FastifyReply, params: z.infer<P>, body: z.infer<B>) => unknown,
    route: { tags: string; description: string; params: P; body: B; financeOnly?: true }
): void {
    app.post(
        url,
        {
            ...(route.financeOnly ? { config: FINANCE } : {}),
            schema: schema(route.tags, route.description, { params: route.params, body: route.body })
        },
        (request, reply) => change(request, reply, request.params as z.infer<P>, request.body as z.infer<B>)
    );
}

/**
 * R11: the operator API, /ops/v1 (operator tokens only; see authenticateOperators). Every read and
 * change is audited as PowerDialer support; every change takes an Idempotency-Key.
 */
export const opsRoutes = defineRoutes((app) => {
    app.get('/me', { schema: schema('operators', 'The operator the token belongs to.', {}) }, (request) => ({
        name: request.operator.name,
        role: request.operator.role
    }));

    app.post(
        '/companies/preview',
        {
            schema: schema(
                'onboarding',
                'Onboarding, previewed: contract, first month (R3.4), what is charged.',
                { body: onboardingSchema }
            )
        },
        (request) => previewOnboarding(request, request.body)
    );
    app.post(
        '/companies',
        {
            schema: schema(
                'onboarding',
                'Onboards a company (an org) with its billing accounts and first contracts.',
                { body: onboardingSchema }
            )
        },
        (request, reply) => onboard(request, reply, request.body)
    );
    app.get(
        '/companies/:orgId',
        {
            schema: schema('support', 'A company and its accounts, with their cancellation state.', {
                params: orgParams
            })
        },
        (request) => readCompany(request, request.params.orgId)
    );
    getAccountRead(
        app,
        '/companies/:orgId/accounts/:accountId/licenses',
        readLicenses,
        'support',
        "The account's licenses, as its admins see them."
    );
    getAccountRead(
        app,
        '/companies/:orgId/accounts/:accountId/transactions',
        readTransactions,
        'support',
        "The account's latest transactions."
    );
    app.get(
        '/companies/:orgId/accounts/:accountId/transactions/:number',
        {
            schema: schema('support', 'One transaction with its lines and refunds.', { params: numberParams })
        },
        (request) =>
            readTransaction(
                request,
                request.params.orgId,
                request.params.accountId,
                parseTransactionNumber(request.params.number) ?? 0
            )
    );
    getAccountRead(
        app,
        '/companies/:orgId/accounts/:accountId/audit',
        readAudit,
        'support',
        "The account's audit list."
    );
    getAccountRead(
        app,
        '/companies/:orgId/accounts/:accountId/cancellation',
        readCancellation,
        'support',
        'Cancellation state, and what cancelling now would mean (R4.3).'
    );
    getAccountRead(
        app,
        '/companies/:orgId/accounts/:accountId/contracts',
        readContracts,
        'contracts',
        'Contract history (every version) and charges waiting for the next bill.'
    );
    app.post(
        '/companies/:orgId/accounts/:accountId/contracts/preview',
        {
            schema: schema('contracts', 'A renewal or amendment, previewed.', {
                params: accountParams,
                body: contractChangeSchema
            })
        },
        (request) => previewContractChange(request, request.params, request.body)
    );
    postChange(app, '/companies/:orgId/accounts/:accountId/contracts', amendContract, {
        tags: 'contracts',
        description: 'Renews or amends the contract, in force from a date; history kept.',
        params: accountParams,
        body: contractChangeSchema
    });
    postChange(app, '/companies/:orgId/accounts/:accountId/charges', addCharge, {
        tags: 'charges',
        description: 'R7.5: a non-recurring charge, now or on the next bill.',
        params: accountParams,
        body: chargeSchema
    });
    postChange(app, '/companies/:orgId/accounts/:accountId/credits', credit, {
        tags: 'finance',
        description: 'Finance only: a goodwill credit of dialer minutes.',
        params: accountParams,
        body: creditSchema,
        financeOnly: true
    });
    postChange(app, '/companies/:orgId/accounts/:accountId/transactions/:number/refunds', refund, {
        tags: 'finance',
        description: 'Finance only: refunds a payment, whole or part, through the processor.',
        params: numberParams,
        body: refundSchema,
        financeOnly: true
    });
    postChange(app, '/companies/:orgId/accounts/:accountId/toll-free-lines', connectLine, {
        tags: 'toll-free',
        description: 'Records a connected toll-free number (R2 TOLL_FREE).',
        params: accountParams,
        body: tollFreeSchema
    });
    postChange(
        app,
        '/companies/:orgId/accounts/:accountId/toll-free-lines/:lineId/disconnect',
        disconnectLine,
        {
            tags: 'toll-free',
            description: 'Records that a toll-free number was disconnected.',
            params: lineParams,
            body: z.object({})
        }
    );
});
