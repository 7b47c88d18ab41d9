import type { FastifyInstance } from 'fastify';
import '../kernel/fastifyTypes';
import { createRuntimeKeyAuthenticator } from '../runtime/runtimeKeyAuthenticator';

/**
 * R10.1: every request of the runtime scope (its routes only: a Fastify plugin's hooks stay in
 * it) carries a valid runtime key before its body is read; Salesforce tokens do not work here.
 */
export function authenticateRuntimeRequests(scope: FastifyInstance): void {
    const cacheMs = scope.deps.runtime?.keyCacheMs;
    const authenticator = createRuntimeKeyAuthenticator(
        scope.deps.pool,
        cacheMs === undefined ? {} : { cacheMs }
    );
    scope.addHook('onRequest', async (request) => {
        await authenticator.authenticate(request.headers);
    });
}
