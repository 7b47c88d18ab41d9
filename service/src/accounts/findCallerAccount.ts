import type { FastifyRequest } from 'fastify';
import '../kernel/fastifyTypes';
import { findBillingAccount, type BillingAccount } from './billingAccountRepository';

/** The `:accountId` of the request, if it belongs to the caller's company (else 404, R1.2). */
export function findCallerAccount(
    request: FastifyRequest & { params: { accountId: string } }
): Promise<BillingAccount> {
    const { pool, clock } = request.server.deps;
    return findBillingAccount(pool, request.caller.orgId, request.params.accountId, clock.now());
}
