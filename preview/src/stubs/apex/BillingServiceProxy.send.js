// Preview stand-in for the Apex proxy: the same call, answered by the local service over HTTP.
// Like Apex, it returns the body as a string and throws `{ body: { message, code } }` on failure.
import { currentUser } from '../../session.js';

/** A spare token is used only while this young: well inside the service's 120 s lifetime. */
const SPARE_MAX_AGE_MS = 60_000;
/** One token fetched ahead for the next request, so a click does not wait for /dev/token. */
let spare;

async function tokenFor(user) {
    try {
        const response = await fetch('/dev/token', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ userId: user.id })
        });
        return response.ok ? (await response.json()).token : undefined;
    } catch {
        return undefined;
    }
}

/** The spare token when it is this user's and young enough (each is used once), else a fresh one. */
async function takeToken(user) {
    const ready = spare;
    spare = undefined;
    if (ready && ready.userId === user.id && Date.now() - ready.at < SPARE_MAX_AGE_MS) {
        const token = await ready.token;
        if (token) return token;
    }
    return tokenFor(user);
}

/** After an answer (not while the page's first requests compete), one spare for the next request. */
function refillSpare(user) {
    if (!user || spare) return;
    spare = { userId: user.id, at: Date.now(), token: tokenFor(user) };
}

async function authHeaders(user) {
    if (!user) return {};
    // Local mode: a fresh short-lived token per request (the service refuses a replayed one).
    const token = await takeToken(user);
    if (token) return { Authorization: `Bearer ${token}` };
    // Before /dev/token existed the service accepted these headers in local mode.
    return { 'x-org-id': user.orgId, 'x-user-id': user.id };
}

export default async function send({ method, path, body, idempotencyKey }) {
    const user = currentUser();
    const headers = { ...(await authHeaders(user)) };
    if (body !== null && body !== undefined) headers['content-type'] = 'application/json';
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
    let response;
    try {
        response = await fetch(path, { method, headers, body: body ?? undefined });
    } catch (error) {
        throw { body: { message: `Unable to reach the billing service: ${error.message}` } };
    }
    const text = await response.text();
    refillSpare(user);
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
