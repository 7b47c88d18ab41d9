// Preview stand-in for the Apex proxy: the same call, answered by the local service over HTTP.
// Like Apex, it returns the body as a string and throws `{ body: { message, code } }` on failure.
import { currentUser } from '../../session.js';

async function authHeaders() {
    const user = currentUser();
    if (!user) return {};
    // Local mode: a fresh short-lived token per request (the service refuses a replayed one).
    const response = await fetch('/dev/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: user.id })
    });
    if (response.ok) {
        const answer = await response.json();
        return { Authorization: `Bearer ${answer.token}` };
    }
    // Before /dev/token existed the service accepted these headers in local mode.
    return { 'x-org-id': user.orgId, 'x-user-id': user.id };
}

export default async function send({ method, path, body, idempotencyKey }) {
    const headers = { ...(await authHeaders()) };
    if (body !== null && body !== undefined) headers['content-type'] = 'application/json';
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
    let response;
    try {
        response = await fetch(path, { method, headers, body: body ?? undefined });
    } catch (error) {
        throw { body: { message: `Unable to reach the billing service: ${error.message}` } };
    }
    const text = await response.text();
    if (!response.ok) {
        let parsed = {};
        try {
            parsed = JSON.parse(text);
        } catch {
            parsed = { message: text || response.statusText };
        }
        throw {
            status: response.status,
            body: { code: parsed.code, message: parsed.message ?? response.statusText }
        };
    }
    return text;
}
