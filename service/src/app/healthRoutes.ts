import { z } from 'zod';
import { defineRoutes } from '../kernel/defineRoutes';
import { pingDatabase } from './healthRepository';

/** `GET /health`: the service answers and its database does. */
export const healthRoutes = defineRoutes((app) => {
    app.get(
        '/health',
        {
            schema: {
                response: {
                    200: z.object({ status: z.literal('ok'), database: z.literal('ok') }),
                    503: z.object({ status: z.literal('unavailable'), database: z.literal('unavailable') })
                }
            }
        },
        async (request, reply) => {
            try {
                await pingDatabase(app.deps.pool);
                return { status: 'ok' as const, database: 'ok' as const };
            } catch (error) {
                request.log.error({ err: error }, 'health check: database unavailable');
                return reply.code(503).send({ status: 'unavailable', database: 'unavailable' });
            }
        }
    );
});
