import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditRoutes } from '../audit/routes';
import { fundingRoutes } from '../funding/routes';
import { licenseRoutes } from '../licenses/routes';
import { meRoutes } from './meRoutes';

/**
 * Every capability's routes, mounted under /api/v1 (authenticated: active admins only unless a
 * route sets `config.allowNonAdmin`). To add yours: export `defineRoutes((app) => { ... })` from
 * your folder's `routes.ts` and add one line here.
 */
export const CAPABILITY_ROUTES: readonly FastifyPluginAsyncZod[] = [
    meRoutes,
    auditRoutes,
    licenseRoutes,
    fundingRoutes
];
