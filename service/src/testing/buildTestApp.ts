import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Pool } from '../db/pool';
import type { AppDeps } from '../kernel/appDeps';
import { fixedClock, type Clock } from '../kernel/clock';
import { buildApp } from '../app/buildApp';
import { localHeaderAuthenticator } from './localHeaderAuthenticator';
import { TERMS_VERSION, type Authorization } from '../kernel/terms';
import { localDirectory } from '../identity/directoryUserRepository';
import type { PaymentProcessor } from '../kernel/paymentProcessor';
import { TEST_NOW } from './factories';

/** A processor that declines everything: tests that charge pass the money engineer's local processor. */
const refusingProcessor: PaymentProcessor = {
    name: 'refusing',
    tokenize: () => Promise.reject(new Error('no processor in this test: pass deps.processor')),
    charge: () => Promise.reject(new Error('no processor in this test: pass deps.processor')),
    findCharge: () => Promise.reject(new Error('no processor in this test: pass deps.processor'))
};

/**
 * The real app on a test schema: callers are chosen with `as(user)` headers (the local-mode
 * header authenticator), users come from `directory_users` (makeAccount/makeUser), time is fixed.
 */
export async function buildTestApp(
    pool: Pool,
    overrides: Partial<Omit<AppDeps, 'pool'>> & { clock?: Clock } = {}
): Promise<FastifyInstance> {
    return buildApp({
        pool,
        authenticator: localHeaderAuthenticator,
        directory: localDirectory(pool),
        processor: refusingProcessor,
        clock: fixedClock(TEST_NOW),
        serviceSecret: randomBytes(32).toString('base64'),
        ...overrides
    });
}

/** Headers that make a request come from `userId` of `orgId` in tests and local mode. */
export function as(
    caller: { orgId: string; userId: string },
    idempotencyKey?: string
): Record<string, string> {
    const headers: Record<string, string> = { 'x-org-id': caller.orgId, 'x-user-id': caller.userId };
    if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
    return headers;
}

/** A valid R9 authorization for mutating bodies. */
export const AUTHORIZATION: Authorization = {
    firstName: 'Ada',
    lastName: 'Lovelace',
    termsVersion: TERMS_VERSION,
    accepted: true
};
