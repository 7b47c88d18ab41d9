import type { ErrorCode } from 'c/billingApi';

/**
 * Turns any error the panels can meet (a service error body, an Apex/fetch error, a JS
 * error, or a list of them) into readable lines for the error panel.
 */
export function reduceErrors(errors: unknown): string[] {
    const list = Array.isArray(errors) ? errors : [errors];
    return list
        .filter((error) => error !== undefined && error !== null)
        .flatMap((error) => messagesOf(error))
        .filter((message) => message.length > 0);
}

/** The service's stable snake_case code of an error (`not_permitted`, `license_floor`), if any. */
export function errorCode(error: unknown): string | undefined {
    if (typeof error !== 'object' || error === null) return undefined;
    const record = error as { body?: { code?: unknown }; code?: unknown };
    if (typeof record.body?.code === 'string') return record.body.code;
    if (typeof record.code === 'string') return record.code;
    return undefined;
}

/** Whether the service refused with `code`: only codes the service sends (ErrorCode) type-check. */
export function hasErrorCode(error: unknown, code: ErrorCode): boolean {
    return errorCode(error) === code;
}

/** The caller is not an active Salesforce admin of the company (R1.4). */
export function isNotPermitted(error: unknown): boolean {
    return hasErrorCode(error, 'not_permitted');
}

function messagesOf(error: unknown): string[] {
    if (typeof error === 'string') return [error];
    if (typeof error !== 'object' || error === null) return [String(error)];
    const record = error as { body?: unknown; message?: unknown; statusText?: unknown };
    if (Array.isArray(record.body)) return record.body.flatMap((item) => messagesOf(item));
    if (record.body && typeof record.body === 'object') {
        const body = record.body as { message?: unknown };
        if (typeof body.message === 'string') return [body.message];
    }
    if (typeof record.message === 'string') return [record.message];
    if (typeof record.statusText === 'string') return [record.statusText];
    return ['Unknown error'];
}

/** One call's outcome as a component keeps it: `data` when it answered, `error` when it failed. */
export interface Settled<T> {
    data: T | undefined;
    error: unknown;
}

/** Waits for `call` and gives its data/error pair; never throws, so the error panel can show why. */
export async function settle<T>(call: Promise<T>): Promise<Settled<T>> {
    try {
        return { data: await call, error: undefined };
    } catch (error) {
        return { data: undefined, error };
    }
}
