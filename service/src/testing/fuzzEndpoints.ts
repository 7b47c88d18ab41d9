import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { LICENSE_CODES } from '../../../core/index';
import { AUTHORIZATION } from './buildTestApp';

export interface FuzzRoute {
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    url: string;
    /** Field names the route reads: generated bodies use them, with values of every type. */
    fields?: readonly string[];
    /** Query parameters the route reads: generated requests add them with values of every kind. */
    query?: readonly string[];
    /** Valid fields under each generated object body (e.g. the runtime's orgId), so checks past validation run too. */
    base?: Readonly<Record<string, unknown>>;
}

/** Values of every JSON type, including the nasty ones (huge, negative, fractional, long strings). */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
    fc.jsonValue(),
    fc.integer(),
    fc.constantFrom(-1, 0, 1.5, 1e21, Number.MAX_SAFE_INTEGER + 2, -0, '', ' ', 'null', '1'),
    fc.string({ maxLength: 300 }),
    fc.dictionary(
        fc.constantFrom(...LICENSE_CODES, 'NOPE', '__proto__', 'constructor'),
        fc.oneof(fc.integer(), fc.double(), fc.string())
    )
);

const authorizations: fc.Arbitrary<unknown> = fc.oneof(
    fc.constant(AUTHORIZATION),
    fc.record(
        { firstName: anyValue, lastName: anyValue, termsVersion: anyValue, accepted: anyValue },
        { requiredKeys: [] }
    ),
    anyValue
);

/** A body for `route`: mostly objects with its fields (and an authorization), sometimes anything at all. */
export function bodyFor(route: FuzzRoute): fc.Arbitrary<unknown> {
    const fields = route.fields ?? [];
    const shaped = fc
        .tuple(fc.dictionary(fc.constantFrom(...fields, 'extra'), anyValue), authorizations, fc.boolean())
        .map(([generated, authorization, withAuthorization]) => {
            const body = { ...route.base, ...generated };
            return withAuthorization ? { ...body, authorization } : body;
        });
    return fields.length === 0
        ? anyValue
        : fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 1, arbitrary: anyValue });
}

/** A query string for `route` (empty when it reads none): its parameters, some left out, with any text. */
function queryFor(route: FuzzRoute): fc.Arbitrary<string> {
    const names = route.query ?? [];
    if (names.length === 0) return fc.constant('');
    const value = fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.jsonValue().map((inner) => JSON.stringify(inner))
    );
    return fc.dictionary(fc.constantFrom(...names), value, { maxKeys: names.length }).map((params) => {
        const search = new URLSearchParams(params).toString();
        return search === '' ? '' : `?${search}`;
    });
}

/**
 * Throws generated requests at every route (bodies of every shape, raw non-JSON payloads, odd
 * idempotency keys) and returns every answer that was a 5xx: a 5xx is a bug, so tests expect [].
 */
export async function fuzzEndpoints(input: {
    app: FastifyInstance;
    routes: readonly FuzzRoute[];
    headers: Record<string, string>;
    numRuns?: number;
}): Promise<{ route: string; body: unknown; status: number; answer: string }[]> {
    const failures: { route: string; body: unknown; status: number; answer: string }[] = [];
    for (const route of input.routes) {
        const payloads = fc.oneof(
            { weight: 5, arbitrary: bodyFor(route).map((body) => ({ raw: false, body })) },
            { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((text) => ({ raw: true, body: text })) }
        );
        await fc.assert(
            fc.asyncProperty(
                payloads,
                fc.option(fc.string({ maxLength: 250 })),
                queryFor(route),
                async ({ raw, body }, key, query) => {
                    const headers: Record<string, string> = {
                        ...input.headers,
                        'content-type': 'application/json'
                    };
                    if (key !== null) headers['idempotency-key'] = key;
                    const response = await input.app.inject({
                        method: route.method,
                        url: route.url + query,
                        headers,
                        ...(route.method === 'GET'
                            ? {}
                            : { payload: raw ? String(body) : JSON.stringify(body ?? null) })
                    });
                    if (response.statusCode >= 500) {
                        failures.push({
                            route: `${route.method} ${route.url}${query}`,
                            body,
                            status: response.statusCode,
                            answer: response.body
                        });
                    }
                    return true;
                }
            ),
            { numRuns: input.numRuns ?? 60 }
        );
    }
    return failures;
}
