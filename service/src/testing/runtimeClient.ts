import type { FastifyInstance } from 'fastify';
import type { Queryable } from '../db/pool';
import type { Clock } from '../kernel/clock';
import { createRuntimeKey } from '../runtime/runtimeKeyRepository';
import { TEST_NOW } from './factories';

/** A valid runtime key for tests, and the header that carries it. */
export async function makeRuntimeKey(
    db: Queryable,
    name = 'telephony-test'
): Promise<{ id: string; secret: string; headers: Record<string, string> }> {
    const key = await createRuntimeKey(db, { name, now: TEST_NOW });
    return { id: key.id, secret: key.secret, headers: { authorization: `Bearer ${key.secret}` } };
}

/** A clock tests move by hand (lease expiry). */
export function movableClock(start: Date = TEST_NOW): Clock & { advance(seconds: number): void } {
    let now = start.getTime();
    return {
        now: () => new Date(now),
        advance: (seconds) => {
            now += seconds * 1000;
        }
    };
}

/** POSTs a runtime request through app.inject; answers status and JSON. */
export async function runtimePost(
    app: FastifyInstance,
    headers: Record<string, string>,
    path: string,
    body: unknown
): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await app.inject({
        method: 'POST',
        url: `/runtime/v1${path}`,
        headers,
        payload: body as object
    });
    return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
}
