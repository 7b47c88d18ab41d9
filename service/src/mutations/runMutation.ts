import { createHmac } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { lockBillingAccount, type BillingAccount } from '../accounts/billingAccountRepository';
import { recordAudit } from '../audit/auditRepository';
import type { Tx } from '../db/pool';
import { withTransaction } from '../db/withTransaction';
import { waitForChargesInFlight } from '../transactions/chargesInFlight';
import { findStoredAnswer, insertIdempotencyKey, storeAnswer } from './idempotencyKeyRepository';
import type { AppDeps } from '../kernel/appDeps';
import type { AuthenticatedCaller } from '../kernel/fastifyTypes';
import { serviceError } from '../kernel/serviceError';
import { TERMS_VERSION, type Authorization } from '../kernel/terms';

export interface MutationContext {
    tx: Tx;
    /** The app's dependencies (pool for work outside the transaction, processor, directory, mailer). */
    deps: AppDeps;
    caller: AuthenticatedCaller;
    /** The request's instant, from deps.clock: pass it to core rules. */
    now: Date;
    idempotencyKey: string;
    /** The locked account when `accountId` was given (locked `FOR UPDATE` before `work` runs). */
    account: BillingAccount | undefined;
    /** Records what changed (R9.2) in this transaction; every mutation calls it at least once. */
    audit(entry: {
        action: string;
        before: unknown;
        after: unknown;
        billingAccountId?: string | null;
    }): Promise<void>;
}

export interface MutationOptions {
    /** The validated `authorization` of the body (R9.1). */
    authorization: Authorization;
    /** Lock this account of the caller's company (404 when it is not theirs) before `work`. */
    accountId?: string;
    /** HTTP status of a success, default 200. */
    status?: number;
    /** Run even when the account is cancelled (R4.3): for work that does not change it, e.g. e-mailing a receipt. */
    allowCancelled?: boolean;
}

const MAX_KEY_LENGTH = 200;

/**
 * The frame of every mutating request: Idempotency-Key required; the terms version checked; one
 * transaction holding the key, the account lock, the change, its audit rows and the stored answer.
 * A retry with the same key and payload gets the first answer and changes nothing; a concurrent
 * duplicate waits on the key's unique index, then replays. Another payload with the key is 409.
 * A refusal rolls everything back, the key included, so the request can be corrected and resent.
 */
export async function runMutation<T>(
    request: FastifyRequest,
    reply: FastifyReply,
    options: MutationOptions,
    work: (context: MutationContext) => Promise<T>
): Promise<T> {
    const idempotencyKey = readIdempotencyKey(request);
    checkTermsVersion(options.authorization);
    const { caller } = request;
    const deps = request.server.deps;
    const requestHash = hashOfRequest(request);
    // One instant for every run of the work (withTransaction runs it again after a charge).
    const now = deps.clock.now();
    const outcome = await withTransaction(deps.pool, async (tx) => {
        const replay = await claimKey(tx, caller.orgId, idempotencyKey, requestHash, now);
        if (replay !== undefined) return replay;
        const account =
            options.accountId === undefined
                ? undefined
                : await lockBillingAccount(tx, caller.orgId, options.accountId, now);
        if (account !== undefined) await waitForChargesInFlight(tx, account.id, idempotencyKey);
        if (account?.status === 'cancelled' && options.allowCancelled !== true) {
            throw serviceError(
                'account_cancelled',
                `This account was cancelled: its service ended on ${account.cancelEffectiveOn ?? 'the end of its term'}, so it can no longer be changed.`
            );
        }
        let audited = 0;
        const body = await work({
            tx,
            deps,
            caller,
            now,
            idempotencyKey,
            account,
            audit: async (entry) => {
                audited++;
                await recordAudit(tx, {
                    orgId: caller.orgId,
                    billingAccountId: entry.billingAccountId ?? account?.id ?? null,
                    userId: caller.userId,
                    authorization: options.authorization,
                    action: entry.action,
                    before: entry.before,
                    after: entry.after,
                    idempotencyKey,
                    at: now
                });
            }
        });
        return finishChange(request, { audited, status: options.status, body }, (answer) =>
            storeAnswer(tx, { orgId: caller.orgId, key: idempotencyKey }, answer)
        );
    });
    return sendOutcome(reply, outcome) as T;
}

/** The end of a change's transaction: refuse one that wrote no audit row, store its answer for replays. */
export async function finishChange(
    request: FastifyRequest,
    change: { audited: number; status: number | undefined; body: unknown },
    store: (answer: { status: number; body: unknown }) => Promise<void>
): Promise<{ status: number; body: unknown; replayed: false }> {
    if (change.audited === 0)
        throw new Error(`${request.method} ${request.url} changed billing without an audit record`);
    const answer = { status: change.status ?? 200, body: change.body };
    await store(answer);
    return { ...answer, replayed: false };
}

/** Answers with the change's status and body, marked when it is the stored answer of an earlier try. */
export function sendOutcome(
    reply: FastifyReply,
    outcome: { status: number; body: unknown; replayed: boolean }
): unknown {
    if (outcome.replayed) void reply.header('idempotent-replayed', 'true');
    void reply.code(outcome.status);
    return outcome.body;
}

/** The request's hash for its Idempotency-Key (see hashRequest), keyed with the service secret. */
export function hashOfRequest(request: FastifyRequest): string {
    return hashRequest(request.server.deps.serviceSecret, {
        method: request.method,
        route: request.routeOptions.url ?? request.url,
        params: request.params,
        body: request.body
    });
}

export function readIdempotencyKey(request: FastifyRequest): string {
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || key.trim() === '' || key.length > MAX_KEY_LENGTH) {
        throw serviceError(
            'idempotency_key_required',
            `Send an Idempotency-Key header (1 to ${MAX_KEY_LENGTH} characters, unique per change) with every change.`
        );
    }
    return key;
}

function checkTermsVersion(authorization: Authorization): void {
    if (authorization.termsVersion !== TERMS_VERSION) {
        throw serviceError(
            'terms_version_outdated',
            `The terms changed (version ${TERMS_VERSION}); read and accept the current terms to authorise this change.`,
            { currentVersion: TERMS_VERSION }
        );
    }
}

/**
 * HMAC-SHA256 of the canonical request (method, route, params, body with sorted keys), keyed with
 * the server secret. The whole body counts, card numbers included, so another card under the same
 * key is a different request (409); the key makes the stored hash useless for guessing a number
 * from its brand and last four digits (R7.2).
 */
export function hashRequest(
    secret: string,
    request: { method: string; route: string; params: unknown; body: unknown }
): string {
    const canonical = JSON.stringify([request.method, request.route, request.params, sortKeys(request.body)]);
    return createHmac('sha256', secret).update(canonical).digest('hex');
}

function sortKeys(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(sortKeys);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
        Object.entries(value as Record<string, unknown>)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([key, inner]) => [key, sortKeys(inner)])
    );
}

/** Inserts the key, or returns the stored answer of its first use (waiting for it if still running). */
async function claimKey(
    tx: Tx,
    orgId: string,
    key: string,
    requestHash: string,
    now: Date
): Promise<{ status: number; body: unknown; replayed: true } | undefined> {
    if (await insertIdempotencyKey(tx, { orgId, key, requestHash, at: now })) return undefined;
    const row = await findStoredAnswer(tx, orgId, key);
    if (row === undefined || row.responseStatus === null) {
        throw serviceError(
            'idempotency_request_in_progress',
            'This change is still being made; retry in a moment.'
        );
    }
    if (row.requestHash !== requestHash) {
        throw serviceError(
            'idempotency_key_reused',
            'This Idempotency-Key was already used for a different change; use a new key for a new change.'
        );
    }
    return { status: row.responseStatus, body: row.responseBody, replayed: true };
}

/** The request of a route whose body carries `authorization` and whose path has `:accountId`. */
export type AccountMutationRequest = FastifyRequest & {
    body: { authorization: Authorization };
    params: { accountId: string };
};

/** runMutation for the usual account route: the body's authorization, the path's account locked. */
export function runAccountMutation<T>(
    request: AccountMutationRequest,
    reply: FastifyReply,
    work: (context: MutationContext) => Promise<T>,
    options: { status?: number; allowCancelled?: boolean } = {}
): Promise<T> {
    const { authorization } = request.body;
    return runMutation(
        request,
        reply,
        { authorization, accountId: request.params.accountId, ...options },
        work
    );
}
