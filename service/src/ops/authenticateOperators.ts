import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findOperatorByToken, OPERATOR_TOKEN_PREFIX } from './operatorTokenRepository';
import { opsError } from './opsError';
import './opsTypes';

export const REASON_HEADER = 'x-operator-reason';
const MAX_REASON_LENGTH = 500;

/**
 * Every /ops request: a live operator token (`Authorization: Bearer pdo_…`) and a reason header,
 * before the body is read. Salesforce tokens and runtime keys are never operator tokens, and the
 * /api authentication never looks at operator tokens: the two doors share nothing.
 */
export function authenticateOperators(app: FastifyInstance): void {
    app.decorateRequest('operator');
    app.decorateRequest('operatorReason', '');
    app.addHook('onRequest', async (request) => {
        request.operator = await authenticate(app, request);
        if (request.routeOptions.config.financeOnly === true && request.operator.role !== 'finance') {
            throw opsError('finance_only', 'Only the finance role may credit or refund.');
        }
        request.operatorReason = readReason(request);
    });
}

async function authenticate(app: FastifyInstance, request: FastifyRequest) {
    const header = request.headers.authorization;
    if (typeof header !== 'string' || !header.startsWith('Bearer ')) {
        throw opsError('operator_token_missing', 'Send your operator token: Authorization: Bearer pdo_….');
    }
    const token = header.slice('Bearer '.length).trim();
    const operator = token.startsWith(OPERATOR_TOKEN_PREFIX)
        ? await findOperatorByToken(app.deps.pool, token)
        : undefined;
    if (operator === undefined) {
        throw opsError('operator_token_invalid', 'This operator token is unknown or was revoked.');
    }
    return operator;
}

function readReason(request: FastifyRequest): string {
    const reason = request.headers[REASON_HEADER];
    if (typeof reason !== 'string' || reason.trim() === '' || reason.length > MAX_REASON_LENGTH) {
        throw opsError(
            'reason_required',
            `Say why in the ${REASON_HEADER} header (1 to ${MAX_REASON_LENGTH} characters, e.g. a ticket number): every operator read and change is audited.`
        );
    }
    return reason.trim();
}
