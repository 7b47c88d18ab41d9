import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { accountRoutes } from '../accounts/routes';
import { auditRoutes } from '../audit/routes';
import { fundingRoutes } from '../funding/routes';
import { minutesRoutes } from '../minutes/routes';
import { receiptRoutes } from '../receipts/routes';
import { licenseRoutes } from '../licenses/routes';
import { serviceRoutes } from '../services/routes';
import { storageRoutes } from '../storage/routes';
import { transactionRoutes } from '../transactions/routes';
import { userRoutes } from '../users/routes';
import { meRoutes } from '../identity/routes';

/**
 * Every capability's routes, mounted under /api/v1 (authenticated: active admins only unless a
 * route sets `config.allowNonAdmin`). To add yours: export `defineRoutes((app) => { ... })` from
 * your folder's `routes.ts` and add one line here.
 */
export const CAPABILITY_ROUTES: readonly FastifyPluginAsyncZod[] = [
    meRoutes,
    auditRoutes,
    accountRoutes,
    licenseRoutes,
    fundingRoutes,
    minutesRoutes,
    transactionRoutes,
    receiptRoutes,
    serviceRoutes,
    storageRoutes,
    userRoutes
];
