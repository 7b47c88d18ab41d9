import { z } from 'zod';
import { defineRoutes } from '../kernel/defineRoutes';
import { errorResponseSchema } from '../kernel/schemas';
import { parseTransactionNumber } from '../transactions/transactionNumber';
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
const numberParams = accountParams.extend({
    number: z
        .string()
        .max(30)
        .refine(
            (text) => parseTransactionNumber(text) !== undefined,
            'must be a transaction number such as TRX-000123'
        )
});
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
    app.get(
        '/companies/:orgId/accounts/:accountId/licenses',
        {
            schema: schema('support', "The account's licenses, as its admins see them.", {
                params: accountParams
            })
        },
        (request) => readLicenses(request, request.params.orgId, request.params.accountId)
    );
    app.get(
        '/companies/:orgId/accounts/:accountId/transactions',
        { schema: schema('support', "The account's latest transactions.", { params: accountParams }) },
        (request) => readTransactions(request, request.params.orgId, request.params.accountId)
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
    app.get(
        '/companies/:orgId/accounts/:accountId/audit',
        { schema: schema('support', "The account's audit list.", { params: accountParams }) },
        (request) => readAudit(request, request.params.orgId, request.params.accountId)
    );
    app.get(
        '/companies/:orgId/accounts/:accountId/cancellation',
        {
            schema: schema('support', 'Cancellation state, and what cancelling now would mean (R4.3).', {
                params: accountParams
            })
        },
        (request) => readCancellation(request, request.params.orgId, request.params.accountId)
    );
    app.get(
        '/companies/:orgId/accounts/:accountId/contracts',
        {
            schema: schema(
                'contracts',
                'Contract history (every version) and charges waiting for the next bill.',
                { params: accountParams }
            )
        },
        (request) => readContracts(request, request.params.orgId, request.params.accountId)
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
    app.post(
        '/companies/:orgId/accounts/:accountId/contracts',
        {
            schema: schema(
                'contracts',
                'Renews or amends the contract, in force from a date; history kept.',
                { params: accountParams, body: contractChangeSchema }
            )
        },
        (request, reply) => amendContract(request, reply, request.params, request.body)
    );
    app.post(
        '/companies/:orgId/accounts/:accountId/charges',
        {
            schema: schema('charges', 'R7.5: a non-recurring charge, now or on the next bill.', {
                params: accountParams,
                body: chargeSchema
            })
        },
        (request, reply) => addCharge(request, reply, request.params, request.body)
    );
    app.post(
        '/companies/:orgId/accounts/:accountId/credits',
        {
            config: FINANCE,
            schema: schema('finance', 'Finance only: a goodwill credit of dialer minutes.', {
                params: accountParams,
                body: creditSchema
            })
        },
        (request, reply) => credit(request, reply, request.params, request.body)
    );
    app.post(
        '/companies/:orgId/accounts/:accountId/transactions/:number/refunds',
        {
            config: FINANCE,
            schema: schema(
                'finance',
                'Finance only: refunds a payment, whole or part, through the processor.',
                { params: numberParams, body: refundSchema }
            )
        },
        (request, reply) => refund(request, reply, request.params, request.body)
    );
    app.post(
        '/companies/:orgId/accounts/:accountId/toll-free-lines',
        {
            schema: schema('toll-free', 'Records a connected toll-free number (R2 TOLL_FREE).', {
                params: accountParams,
                body: tollFreeSchema
            })
        },
        (request, reply) => connectLine(request, reply, request.params, request.body)
    );
    app.post(
        '/companies/:orgId/accounts/:accountId/toll-free-lines/:lineId/disconnect',
        {
            schema: schema('toll-free', 'Records that a toll-free number was disconnected.', {
                params: lineParams,
                body: z.object({})
            })
        },
        (request, reply) => disconnectLine(request, reply, request.params)
    );
});
