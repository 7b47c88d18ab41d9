import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isBillingError, type BillingError } from '../../../core/errors';
import { isDatabaseBusy } from '../db/databaseBusy';
import type { ErrorResponse } from '../kernel/schemas';
import { serviceError, type ServiceErrorCode } from '../kernel/serviceError';

const FRAMING_ERRORS: Partial<Record<string, [ServiceErrorCode, string]>> = {
    FST_ERR_CTP_INVALID_JSON_BODY: ['malformed_json', 'The request body is not valid JSON.'],
    FST_ERR_CTP_EMPTY_JSON_BODY: ['invalid_request', 'The request body is empty; send a JSON object.'],
    FST_ERR_CTP_BODY_TOO_LARGE: ['payload_too_large', 'The request body is too large.'],
    FST_ERR_CTP_INVALID_MEDIA_TYPE: ['unsupported_media_type', 'Send the request body as application/json.'],
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: [
        'invalid_request',
        'The request body length does not match its header.'
    ]
};

const RETRY_AFTER_SECONDS = '1';

/** One place turns every refusal into `{ code, message }` with a 4xx; anything else is a 500 and a bug. */
export function installErrorHandler(app: FastifyInstance): void {
    app.setErrorHandler(async (error: FastifyError, request, reply) => {
        const answer = toErrorResponse(error);
        if (answer === undefined) {
            request.log.error({ err: error }, 'unexpected error');
            return reply
                .code(500)
                .send({ code: 'internal_error', message: 'Something went wrong on our side.' });
        }
        // Busy (503) and pending (202) answers say when to look again.
        if (answer.status === 503 || answer.status === 202)
            void reply.header('retry-after', RETRY_AFTER_SECONDS);
        return reply.code(answer.status).send(answer.body);
    });
    app.setNotFoundHandler(async (request, reply) => {
        return reply.code(404).send({
            code: 'not_found',
            message: `There is no ${request.method} ${request.url.split('?')[0] ?? ''} here.`
        });
    });
}

function toErrorResponse(error: FastifyError): { status: number; body: ErrorResponse } | undefined {
    if (isBillingError(error)) return fromBillingError(error);
    if (hasZodFastifySchemaValidationErrors(error)) return validationResponse(error);
    if (isDatabaseBusy(error)) {
        return fromBillingError(
            serviceError(
                'service_busy',
                'The service is busy right now and changed nothing; try again in a moment.'
            )
        );
    }
    const framing = FRAMING_ERRORS[error.code];
    if (framing !== undefined) return fromBillingError(serviceError(...framing));
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
        return { status: error.statusCode, body: { code: 'invalid_request', message: error.message } };
    }
    return undefined;
}

function fromBillingError(error: BillingError<string>): { status: number; body: ErrorResponse } {
    const body: ErrorResponse = { code: error.code, message: error.message };
    if (error.details !== undefined) body.details = { ...error.details };
    return { status: error.httpStatus, body };
}

function validationResponse(error: {
    validation: { instancePath: string; message?: string }[];
    validationContext?: string;
}): { status: number; body: ErrorResponse } {
    const where = error.validationContext ?? 'body';
    if (
        where === 'body' &&
        error.validation.some((issue) => issue.instancePath.startsWith('/authorization'))
    ) {
        return fromBillingError(
            serviceError(
                'authorization_required',
                'Type your first and last name and accept the terms to authorise this change.'
            )
        );
    }
    const issues = error.validation.map((issue) => ({
        field: `${where}${issue.instancePath.replaceAll('/', '.')}`,
        problem: issue.message ?? 'is not valid'
    }));
    const sentence = issues.map((issue) => `${issue.field}: ${issue.problem}`).join('; ');
    return {
        status: 400,
        body: {
            code: 'invalid_request',
            message: `The request is not valid (${sentence}).`,
            details: { issues }
        }
    };
}
