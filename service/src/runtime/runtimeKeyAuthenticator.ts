import { serviceError } from '../kernel/serviceError';
import { performance } from 'node:perf_hooks';
import type { Queryable } from '../db/pool';
import { findRuntimeKeyByHash, type RuntimeKey } from './runtimeKeyRepository';
import { bearerCredential, hashRuntimeKey } from './runtimeKeys';

export interface RuntimeKeyAuthenticator {
    /** The valid key of the request, or a 401 (missing, unknown, revoked). */
    authenticate(headers: Record<string, string | string[] | undefined>): Promise<RuntimeKey>;
}

const CACHE_LIMIT = 1000;

/**
 * Checks `Authorization: Bearer pdrk_…` against runtime_keys by the secret's SHA-256. A valid key
 * is remembered for `cacheMs` (default 5 s) so the dialer's thousands of requests a second do not
 * each read the table: a revoked key stops working on every process within that time.
 */
export function createRuntimeKeyAuthenticator(
    db: Queryable,
    options: { cacheMs?: number } = {}
): RuntimeKeyAuthenticator {
    const cacheMs = options.cacheMs ?? 5000;
    const valid = new Map<string, { key: RuntimeKey; until: number }>();
    return {
        async authenticate(headers) {
            const secret = bearerCredential(headers);
            if (secret === undefined)
                throw serviceError(
                    'runtime_key_missing',
                    'Send a runtime API key as "Authorization: Bearer <key>".'
                );
            const sha256 = hashRuntimeKey(secret);
            const cached = valid.get(sha256);
            if (cached !== undefined && cached.until > performance.now()) return cached.key;
            const key = await findRuntimeKeyByHash(db, sha256);
            if (key === undefined)
                throw serviceError('runtime_key_invalid', 'This runtime API key is not known.');
            if (key.revokedAt !== null)
                throw serviceError(
                    'runtime_key_revoked',
                    'This runtime API key was revoked; use its replacement.'
                );
            if (valid.size >= CACHE_LIMIT) valid.clear();
            if (cacheMs > 0) valid.set(sha256, { key, until: performance.now() + cacheMs });
            return key;
        }
    };
}
