import type { FastifyInstance } from 'fastify';
import { authenticateOperators } from './authenticateOperators';
import { opsRoutes } from './routes';

export const OPS_PREFIX = '/ops/v1';

/** The operator API as one encapsulated plugin: its own authentication, for its routes only. */
export async function opsApi(app: FastifyInstance): Promise<void> {
    authenticateOperators(app);
    await app.register(opsRoutes);
}
