import type { paths } from './serviceTypes.generated';

/** Where the service mounts its API (billingApi's API_PREFIX). */
type ApiPrefix = '/api/v1';

/** A route of the service as its OpenAPI document names it, without the `/api/v1` prefix. */
export type Route = {
    [P in keyof paths]: P extends `${ApiPrefix}${infer R}` ? R : never;
}[keyof paths];
type Method = 'get' | 'post' | 'put';
type Operation<R extends Route, M extends Method> = NonNullable<paths[`${ApiPrefix}${R}`][M]>;
/** What the service answers 200 with, generated from its OpenAPI document (serviceTypes.generated.ts). */
export type Answer<R extends Route, M extends Method = 'get'> =
    Operation<R, M> extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;
/** The JSON body the service accepts. */
export type RequestBody<R extends Route, M extends Method> =
    Operation<R, M> extends { requestBody: { content: { 'application/json': infer T } } } ? T : never;
export type PathParams<R extends Route, M extends Method> =
    Operation<R, M> extends { parameters: { path: infer T } } ? T : Record<string, never>;
