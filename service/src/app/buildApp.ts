import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
    jsonSchemaTransform,
    serializerCompiler,
    validatorCompiler,
    type ZodTypeProvider
} from 'fastify-type-provider-zod';
import type { AppDeps } from '../kernel/appDeps';
import { authenticateRequests } from './authenticateRequests';
import { CAPABILITY_ROUTES } from './capabilities';
import { documentErrors } from './documentErrorCodes';
import { installErrorHandler } from './errorHandler';
import '../kernel/fastifyTypes';
import { healthRoutes } from './healthRoutes';
import { devTokenRoutes } from '../salesforce/devTokenRoutes';
import { createLogger } from '../kernel/logger';
import { installMetrics } from './metrics';

export const API_PREFIX = '/api/v1';
const BODY_LIMIT_BYTES = 64 * 1024;

/** The whole HTTP service, ready for `listen` or `inject`. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
    const logger: FastifyBaseLogger = deps.logger ?? createLogger();
    const app = Fastify({
        loggerInstance: logger,
        bodyLimit: BODY_LIMIT_BYTES
    }).withTypeProvider<ZodTypeProvider>();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    app.decorate('deps', deps);
    await app.register(fastifySwagger, {
        openapi: {
            info: { title: 'PowerDialer Billing', version: '1.0.0' },
            components: {
                securitySchemes: { salesforce: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } }
            },
            security: [{ salesforce: [] }]
        },
        transform: jsonSchemaTransform,
        transformObject: documentErrors
    });
    installErrorHandler(app);
    authenticateRequests(app);
    installMetrics(app);
    await app.register(healthRoutes);
    if (deps.localIssuer !== undefined) await app.register(devTokenRoutes);
    app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
    for (const routes of CAPABILITY_ROUTES) {
        await app.register(routes, { prefix: API_PREFIX });
    }
    await app.ready();
    return app;
}
