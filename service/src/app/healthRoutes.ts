import { z } from 'zod';
import { defineRoutes } from '../kernel/defineRoutes';
import { pingDatabase } from './healthRepository';

const readySchema = {
    200: z.object({ status: z.literal('ok'), database: z.literal('ok') }),
    503: z.object({ status: z.literal('unavailable'), database: z.literal('unavailable') })
};

/**
 * `GET /health/live`: the process answers (restart it if not). `GET /health/ready` (and `/health`):
 * it can serve, its database answers within the pool's bounded waits; 503 otherwise. While the
 * service shuts down, Fastify answers every new request 503 (return503OnClosing), these included.
 */
export const healthRoutes = defineRoutes((app) => {
    app.get('/health/live', { schema: { response: { 200: z.object({ status: z.literal('ok') }) } } }, () => ({
        status: 'ok' as const
    }));
    for (const url of ['/health', '/health/ready']) {
        app.get(url, { schema: { response: readySchema } }, async (request, reply) => {
            try {
                await pingDatabase(app.deps.pool);
                return { status: 'ok' as const, database: 'ok' as const };
            } catch (error) {
                request.log.error({ err: error }, 'health check: database unavailable');
                return reply.code(503).send({ status: 'unavailable', database: 'unavailable' });
            }
        });
    }
});
