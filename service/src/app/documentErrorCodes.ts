import type { SwaggerTransformObject } from '@fastify/swagger';
import { ERROR_STATUS, EVERY_CHANGE_CODES, EVERY_ROUTE_CODES, type ErrorCode } from '../kernel/errorCodes';
import { carriesAuthorization, documentIdempotencyKey } from './documentIdempotencyKey';
import { ROUTE_ERROR_CODES } from './routeErrorCodes';

interface Operation {
    responses?: Record<string, unknown>;
    'x-error-codes'?: ErrorCode[];
}

/** The codes one operation may answer: those of every route, of every change, and its own. */
export function errorCodesOf(method: string, path: string, operation: unknown): ErrorCode[] {
    const own = ROUTE_ERROR_CODES[`${method.toUpperCase()} ${path}`] ?? [];
    const change = carriesAuthorization(operation) ? EVERY_CHANGE_CODES : [];
    return [...new Set<ErrorCode>([...EVERY_ROUTE_CODES, ...change, ...own])].sort(
        (a, b) => ERROR_STATUS[a] - ERROR_STATUS[b] || a.localeCompare(b)
    );
}

/**
 * Each /api/v1 operation lists the error codes it may answer (`x-error-codes`, from
 * ROUTE_ERROR_CODES) and, per HTTP status, which of them it answers with it.
 */
export const documentErrors: SwaggerTransformObject = (document) => {
    const openapi = documentIdempotencyKey(document);
    if (!('paths' in openapi) || !('openapi' in openapi)) return openapi;
    for (const [path, operations] of Object.entries(openapi.paths ?? {})) {
        if (!path.startsWith('/api/v1/')) continue;
        for (const [method, value] of Object.entries(operations as Record<string, Operation>)) {
            const codes = errorCodesOf(method, path, value);
            value['x-error-codes'] = codes;
            const responses = (value.responses ??= {});
            for (const status of new Set(codes.map((code) => ERROR_STATUS[code]))) {
                responses[String(status)] ??= {
                    description: codes.filter((code) => ERROR_STATUS[code] === status).join(', ')
                };
            }
        }
    }
    return openapi;
};
