import type { DirectoryUser } from './caller';
import type { AppDeps } from './appDeps';

/** The caller of an /api request, proven by the authenticator and found in the org's directory. */
export interface AuthenticatedCaller {
    orgId: string;
    userId: string;
    user: DirectoryUser;
}

declare module 'fastify' {
    interface FastifyInstance {
        deps: AppDeps;
    }
    interface FastifyRequest {
        /** Set for every /api request before validation (see authenticateRequests). */
        caller: AuthenticatedCaller;
    }
    interface FastifyContextConfig {
        /** Routes any signed-in user of the org may call (GET /me); all others need an active admin (R1.4). */
        allowNonAdmin?: boolean;
    }
}
