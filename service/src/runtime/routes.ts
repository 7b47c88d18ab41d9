import { z } from 'zod';
import { licenseCodeSchema } from '../../../core/index';
import { defineRoutes } from '../kernel/defineRoutes';
import { errorResponseSchema } from '../kernel/schemas';
import { acquirePort } from './acquirePort';
import { acquireSeat } from './acquireSeat';
import { authorizeNewCall } from './authorizeNewCall';
import { checkUserLicenses } from './checkUserLicenses';
import type { LeaseRow } from './leaseRepository';
import { meterUsage } from './meterUsage';
import { releaseLease } from './releaseLease';
import { renewLease } from './renewLease';
import {
    checkBodySchema,
    leaseCallerSchema,
    leaseParamsSchema,
    leaseSchema,
    leaseStateSchema,
    portBodySchema,
    seatBodySchema,
    subjectSchema,
    usageAnswerSchema,
    usageBodySchema
} from './schemas';
import { createThresholdCache } from './wakeRechargeOnCrossing';

export const DEFAULT_LEASE_TTL_SECONDS = 60;
const DEFAULT_USAGE_WINDOW_HOURS = 7 * 24;
const USAGE_BODY_LIMIT_BYTES = 1024 * 1024;

const TAGS = ['runtime'];
const SECURITY = [{ runtimeKey: [] }];
const REFUSALS = {
    400: errorResponseSchema,
    401: errorResponseSchema,
    402: errorResponseSchema,
    403: errorResponseSchema,
    404: errorResponseSchema,
    409: errorResponseSchema
} as const;

function leaseState(lease: LeaseRow, now: Date): z.infer<typeof leaseStateSchema> {
    return {
        leaseId: lease.id,
        license: lease.license,
        expiresAt: lease.expiresAt.toISOString(),
        live: lease.expiresAt > now
    };
}

/**
 * R10: what the dialer's servers ask, call by call (mounted under /runtime/v1 with runtime-key
 * authentication, see app/buildApp.ts). Every request names the org and the user.
 */
export const runtimeRoutes = defineRoutes((app) => {
    const ttlSeconds = app.deps.runtime?.leaseTtlSeconds ?? DEFAULT_LEASE_TTL_SECONDS;
    const metering = {
        pool: app.deps.pool,
        clock: app.deps.clock,
        jobs: app.deps.jobs,
        thresholds: createThresholdCache(),
        windowHours: app.deps.runtime?.usageWindowHours ?? DEFAULT_USAGE_WINDOW_HOURS
    };
    const schema = <T extends object>(description: string, rest: T) => ({
        tags: TAGS,
        security: SECURITY,
        description,
        ...rest
    });

    app.post(
        '/seats/acquire',
        {
            schema: schema(
                'R2.3, R2.5: a seat of a pooled license (DIALER_TAB, DIALER, INBOUND, FAX) as a lease with a TTL. Refusals: no_dialer_license, no_license, pool_exhausted, account_cancelled.',
                { body: seatBodySchema, response: { 200: leaseSchema, ...REFUSALS } }
            )
        },
        (request) => acquireSeat(app.deps.pool, { ...request.body, now: app.deps.clock.now(), ttlSeconds })
    );

    app.post(
        '/ports/acquire',
        {
            schema: schema(
                "R2.6: a port for a voice message, an inbound call, a recorded or monitored call, or a fax, for the call's duration. Refusals: insufficient_ports, no_license, account_cancelled.",
                { body: portBodySchema, response: { 200: leaseSchema, ...REFUSALS } }
            )
        },
        (request) => acquirePort(app.deps.pool, { ...request.body, now: app.deps.clock.now(), ttlSeconds })
    );

    app.post(
        '/leases/:leaseId/renew',
        {
            schema: schema(
                'R10.2: heartbeat: the lease now expires one TTL from now (lease_expired once it is over).',
                {
                    params: leaseParamsSchema,
                    body: leaseCallerSchema,
                    response: { 200: leaseStateSchema, ...REFUSALS }
                }
            )
        },
        async (request) => {
            const now = app.deps.clock.now();
            const lease = await renewLease(app.deps.pool, {
                ...request.params,
                ...request.body,
                now,
                ttlSeconds
            });
            return leaseState(lease, now);
        }
    );

    app.post(
        '/leases/:leaseId/release',
        {
            schema: schema('R10.2: ends the lease and frees its place (again: no change).', {
                params: leaseParamsSchema,
                body: leaseCallerSchema,
                response: { 200: leaseStateSchema, ...REFUSALS }
            })
        },
        async (request) => {
            const now = app.deps.clock.now();
            const lease = await releaseLease(app.deps.pool, { ...request.params, ...request.body, now });
            return leaseState(lease, now);
        }
    );

    app.post(
        '/licenses/check',
        {
            schema: schema('Per-user licenses (CRM, ELF, …) need no lease: which of them the user holds.', {
                body: checkBodySchema,
                response: {
                    200: z.object({
                        accountId: z.uuid(),
                        userId: z.string(),
                        holds: z.partialRecord(licenseCodeSchema, z.boolean()),
                        dialer: z.boolean().describe('R2.5: holds Dialer Tab and Dialer')
                    }),
                    ...REFUSALS
                }
            })
        },
        (request) => checkUserLicenses(app.deps.pool, { ...request.body, now: app.deps.clock.now() })
    );

    app.post(
        '/calls/authorize',
        {
            schema: schema('R5.5: may a new call start? out_of_minutes below one minute of balance.', {
                body: subjectSchema,
                response: {
                    200: z.object({
                        accountId: z.uuid(),
                        authorized: z.literal(true),
                        minutesAvailable: z.number().int()
                    }),
                    ...REFUSALS
                }
            })
        },
        (request) => authorizeNewCall(app.deps.pool, { ...request.body, now: app.deps.clock.now() })
    );

    app.post(
        '/usage',
        {
            // 1,000 events of a few hundred bytes each; every other route keeps the 64 KB limit.
            bodyLimit: USAGE_BODY_LIMIT_BYTES,
            schema: schema(
                'R5.1, R10.3: up to 1,000 usage events, each with its own id, counted once whatever batch they come in; bad events are refused one by one.',
                { body: usageBodySchema, response: { 200: usageAnswerSchema, ...REFUSALS } }
            )
        },
        (request) => meterUsage(metering, request.body)
    );
});
