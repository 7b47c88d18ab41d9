import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import type {
    FastifyBaseLogger,
    RawReplyDefaultExpression,
    RawRequestDefaultExpression,
    RawServerDefault
} from 'fastify';
import './fastifyTypes';

export type RoutesApp = FastifyInstance<
    RawServerDefault,
    RawRequestDefaultExpression,
    RawReplyDefaultExpression,
    FastifyBaseLogger,
    ZodTypeProvider
>;

/**
 * A capability's routes as a Fastify plugin, without an async wrapper that awaits nothing:
 * `export const licenseRoutes = defineRoutes((app) => { app.get(...); });`
 * Handlers may be sync (return the body) or async. `app.deps` holds the AppDeps.
 */
export function defineRoutes(register: (app: RoutesApp) => void): FastifyPluginAsyncZod {
    return (app) => {
        register(app);
        return Promise.resolve();
    };
}
