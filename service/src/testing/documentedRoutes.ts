import type { FastifyInstance } from 'fastify';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof METHODS)[number];

/** One operation of the served OpenAPI document. */
export interface DocumentedRoute {
    method: Method;
    /** OpenAPI form, e.g. `/api/v1/accounts/{accountId}/licenses`. */
    path: string;
    /** `METHOD path`, a stable name for tables keyed by route. */
    name: string;
    /** Top-level fields of the JSON body. */
    fields: string[];
    /** Query string parameters. */
    query: string[];
    /** A change (not a GET, not a preview): needs R9 authorization and an Idempotency-Key. */
    mutating: boolean;
    /** Under one billing account (`{accountId}` in the path): another company gets 404. */
    accountScoped: boolean;
}

interface OpenApiOperation {
    parameters?: { in: string; name: string }[];
    requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
}

/** The dialer's runtime API: its own keys and rules, so its own tests (service/src/runtime). */
const RUNTIME_PATHS = '/runtime/';
const OPS_PATHS = '/ops/';

/**
 * Every operation of the app's OpenAPI document, so tests cover every route, including routes
 * added later, instead of a hand-kept list: the runtime API's when `api` is 'runtime', the rest
 * (billing, health) otherwise.
 */
/** Which API's routes: the admins' (/api, the default), the dialer's (/runtime) or the operators' (/ops). */
export function documentedRoutes(
    app: FastifyInstance,
    api: 'billing' | 'runtime' | 'ops' = 'billing'
): DocumentedRoute[] {
    const document = app.swagger() as { paths?: Record<string, Record<string, OpenApiOperation>> };
    const routes: DocumentedRoute[] = [];
    for (const [path, operations] of Object.entries(document.paths ?? {})) {
        const pathApi = path.startsWith(RUNTIME_PATHS)
            ? 'runtime'
            : path.startsWith(OPS_PATHS)
              ? 'ops'
              : 'billing';
        if (pathApi !== api) continue;
        for (const [key, operation] of Object.entries(operations)) {
            const method = METHODS.find((candidate) => candidate.toLowerCase() === key);
            if (method === undefined) continue;
            const schema = operation.requestBody?.content?.['application/json']?.schema;
            routes.push({
                method,
                path,
                name: `${method} ${path}`,
                fields: Object.keys(schema?.properties ?? {}),
                query: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
                mutating: method !== 'GET' && !path.endsWith('/preview'),
                accountScoped: path.includes('{accountId}')
            });
        }
    }
    return routes;
}

/** The route's path with each `{param}` replaced by `ids[param]` (throws on a parameter without an id). */
export function concreteUrl(route: DocumentedRoute, ids: Readonly<Record<string, string>>): string {
    return route.path.replace(/\{(\w+)\}/g, (_whole, param: string) => {
        const id = ids[param];
        if (id === undefined) throw new Error(`no id for {${param}} of ${route.name}`);
        return encodeURIComponent(id);
    });
}
