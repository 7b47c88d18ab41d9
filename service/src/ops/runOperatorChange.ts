import type { FastifyReply, FastifyRequest } from 'fastify';
import { lockBillingAccount, type BillingAccount } from '../accounts/billingAccountRepository';
import type { Tx } from '../db/pool';
import { withTransaction } from '../db/withTransaction';
import type { AppDeps } from '../kernel/appDeps';
import { finishChange, hashOfRequest, readIdempotencyKey, sendOutcome } from '../mutations/runMutation';
import type { Operator } from './operatorTokenRepository';
import { claimKey, storedAnswer, storeAnswer } from './operatorIdempotencyRepository';
import { recordSupportAudit } from './supportAuditRepository';
import './opsTypes';

export interface OperatorChangeContext {
    tx: Tx;
    deps: AppDeps;
    operator: Operator;
    reason: string;
    now: Date;
    idempotencyKey: string;
    /** The locked account when `accountId` was given. */
    account: BillingAccount | undefined;
    /** R11.2: records the change (before/after) as PowerDialer support; every change calls it. */
    audit(entry: {
        action: string;
        before: unknown;
        after: unknown;
        orgId?: string;
        billingAccountId?: string | null;
    }): Promise<void>;
}

export interface OperatorChangeOptions {
    /** The company changed (audit rows are the company's); default: the locked account's. */
    orgId: string;
    /** Lock this account of `orgId` (404 when it is not that company's) before `work`. */
    accountId?: string;
    status?: number;
}

/**
 * The frame of every /ops change, as runMutation is for admins: an Idempotency-Key per change; one
 * transaction holding the key, the account lock, the change, its support audit rows and the stored
 * answer. The same key and payload again gets the first answer; another payload is 409.
 * `beforeTransaction` runs outside any transaction (network calls, e.g. a refund at the processor)
 * once the key is known not to be answered yet; its result is handed to `work`.
 */
export async function runOperatorChange<T, P = undefined>(
    request: FastifyRequest,
    reply: FastifyReply,
    options: OperatorChangeOptions & { beforeTransaction?: () => Promise<P> },
    work: (context: OperatorChangeContext, prepared: P | undefined) => Promise<T>
): Promise<T> {
    const idempotencyKey = readIdempotencyKey(request);
    const deps = request.server.deps;
    const { operator, operatorReason: reason } = request;
    const requestHash = hashOfRequest(request);
    const key = { operatorName: operator.name, key: idempotencyKey, requestHash };
    const answered = await storedAnswer(deps.pool, key);
    const prepared =
        answered === undefined && options.beforeTransaction !== undefined
            ? await options.beforeTransaction()
            : undefined;
    // One instant for every run of the work (withTransaction runs it again after a charge).
    const now = deps.clock.now();
    const outcome =
        answered ??
        (await withTransaction(deps.pool, async (tx) => {
            const replay = await claimKey(tx, key, now);
            if (replay !== undefined) return replay;
            const account =
                options.accountId === undefined
                    ? undefined
                    : await lockBillingAccount(tx, options.orgId, options.accountId, now);
            let audited = 0;
            const context: OperatorChangeContext = {
                tx,
                deps,
                operator,
                reason,
                now,
                idempotencyKey,
                account,
                audit: async (entry) => {
                    audited++;
                    await recordSupportAudit(tx, {
                        orgId: entry.orgId ?? options.orgId,
                        billingAccountId: entry.billingAccountId ?? account?.id ?? null,
                        operatorName: operator.name,
                        reason,
                        action: entry.action,
                        before: entry.before,
                        after: entry.after,
                        idempotencyKey,
                        at: now
                    });
                }
            };
            const body = await work(context, prepared);
            return finishChange(request, { audited, status: options.status, body }, (answer) =>
                storeAnswer(tx, key, answer)
            );
        }));
    return sendOutcome(reply, outcome) as T;
}
