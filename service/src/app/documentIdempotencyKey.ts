import type { SwaggerTransformObject } from '@fastify/swagger';

const MUTATING = ['post', 'put', 'patch', 'delete'];

const IDEMPOTENCY_KEY_PARAMETER = {
    name: 'Idempotency-Key',
    in: 'header',
    required: true,
    description:
        'Unique per change: a retry with the same key and body returns the first answer (409 with another body).',
    schema: { type: 'string', minLength: 1, maxLength: 200 }
};

/**
 * The OpenAPI document names the Idempotency-Key header on every change: the operations whose
 * body carries an `authorization` (R9.1), which are exactly those that go through runMutation.
 */
export const documentIdempotencyKey: SwaggerTransformObject = (document) => {
    if (!('openapiObject' in document)) return document.swaggerObject;
    const openapi = document.openapiObject;
    for (const operations of Object.values(openapi.paths ?? {})) {
        for (const [method, operation] of Object.entries(operations as Record<string, unknown>)) {
            if (MUTATING.includes(method) && carriesAuthorization(operation)) {
                const withParameters = operation as { parameters?: unknown[] };
                withParameters.parameters = [...(withParameters.parameters ?? []), IDEMPOTENCY_KEY_PARAMETER];
            }
        }
    }
    return openapi;
};

/** A change: its body carries `authorization` (R9.1), so it goes through runMutation. */
export function carriesAuthorization(operation: unknown): boolean {
    const body = (
        operation as { requestBody?: { content?: Record<string, { schema?: { properties?: object } }> } }
    ).requestBody;
    const properties = body?.content?.['application/json']?.schema?.properties;
    return properties !== undefined && 'authorization' in properties;
}
