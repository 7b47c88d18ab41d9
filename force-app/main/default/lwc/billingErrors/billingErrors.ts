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
