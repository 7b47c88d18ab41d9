import type { FastifyInstance, FastifyRequest } from 'fastify';
import '../kernel/fastifyTypes';
import { serviceError } from '../kernel/serviceError';
import { bearerCredential, looksLikeRuntimeKey } from '../runtime/runtimeKeys';

export const NOT_PERMITTED_MESSAGE = 'Billing is for Salesforce admins.';

/**
 * Every /api request: prove who calls (deps.authenticator), load them from the org's directory,
 * and refuse anyone but an active admin (R1.4) before the body is even read.
 */
export function authenticateRequests(app: FastifyInstance): void {
    app.decorateRequest('caller');
    app.addHook('onRequest', async (request) => {
        if (!request.url.startsWith('/api/')) return;
        await authenticate(app, request);
    });
}

async function authenticate(app: FastifyInstance, request: FastifyRequest): Promise<void> {
    // R10.1: a runtime key never reaches billing, valid or not.
    if (looksLikeRuntimeKey(bearerCredential(request.headers)))
        throw serviceError(
            'wrong_credentials',
            'Runtime API keys reach only the runtime API (/runtime/v1); billing needs a Salesforce token.'
        );
    const { orgId, userId } = await app.deps.authenticator.authenticate(request.headers);
    const user = await app.deps.directory.getUser(orgId, userId);
    if (user === undefined) throw serviceError('not_permitted', NOT_PERMITTED_MESSAGE);
    request.caller = { orgId, userId, user };
    const mayCall = request.routeOptions.config.allowNonAdmin === true || (user.active && user.isAdmin);
    if (!mayCall) throw serviceError('not_permitted', NOT_PERMITTED_MESSAGE);
}
