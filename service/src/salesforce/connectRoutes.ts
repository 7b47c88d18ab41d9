import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { isBillingError } from '../../../core/errors';
import type { OrgConnector } from '../kernel/appDeps';
import { defineRoutes } from '../kernel/defineRoutes';
import { CONNECT_PATH } from './connectUrl';

const COOKIE = 'pdb_connect';
const COOKIE_MAX_AGE_SECONDS = 600;

/**
 * SALESFORCE MODE ONLY (mounted when `deps.orgConnector` is set), opened in the admin's browser
 * from the billing page's Connect button (issue 12): `GET /connect/salesforce` redirects to
 * Salesforce's authorize page; Salesforce sends the admin back to `/callback`, which registers
 * the org and says so on a small page.
 */
export const connectRoutes = defineRoutes((app) => {
    app.get(
        CONNECT_PATH,
        {
            schema: {
                tags: ['connect'],
                querystring: z.object({
                    org: z.string().max(18).optional(),
                    certificate: z.string().max(80).optional()
                })
            }
        },
        async (request, reply) => {
            const connector = app.deps.orgConnector;
            if (connector === undefined) throw new Error('connectRoutes is mounted without an org connector');
            const { authorizeUrl, browserNonce } = await connector.start({
                orgId: request.query.org,
                certificateName: request.query.certificate
            });
            return reply
                .header(
                    'set-cookie',
                    cookie(browserNonce, COOKIE_MAX_AGE_SECONDS, request.protocol === 'https')
                )
                .header('cache-control', 'no-store')
                .redirect(authorizeUrl, 302);
        }
    );

    app.get(
        `${CONNECT_PATH}/callback`,
        {
            schema: {
                tags: ['connect'],
                querystring: z.object({
                    code: z.string().max(2000).optional(),
                    state: z.string().max(200).optional(),
                    error: z.string().max(200).optional(),
                    error_description: z.string().max(1000).optional()
                })
            }
        },
        async (request, reply) => {
            const connector = app.deps.orgConnector;
            if (connector === undefined) throw new Error('connectRoutes is mounted without an org connector');
            const { code, state, error, error_description: description } = request.query;
            reply.header('set-cookie', cookie('', 0, request.protocol === 'https'));
            if (error !== undefined || code === undefined || state === undefined) {
                const why = description ?? error ?? 'Salesforce sent no authorization code';
                return page(
                    reply,
                    400,
                    'Not connected',
                    `Salesforce did not authorise PowerDialer Billing: ${why}.`
                );
            }
            return page(reply, ...(await finish(connector, { state, code, cookie: request.headers.cookie })));
        }
    );
});

/** The org registered, or why not, as a status, a title and a sentence for the admin. */
async function finish(
    connector: OrgConnector,
    request: { state: string; code: string; cookie: string | undefined }
): Promise<[number, string, string]> {
    try {
        const { orgId } = await connector.finish({
            state: request.state,
            code: request.code,
            browserNonce: readCookie(request.cookie)
        });
        return [
            200,
            'PowerDialer Billing is connected',
            `Your Salesforce org ${orgId} is connected. Close this tab and choose Check again on the billing page.`
        ];
    } catch (failure) {
        if (!isBillingError(failure)) throw failure;
        return [failure.httpStatus, 'Not connected', failure.message];
    }
}

function cookie(value: string, maxAgeSeconds: number, secure: boolean): string {
    const attributes = [
        `${COOKIE}=${value}`,
        `Path=${CONNECT_PATH}`,
        `Max-Age=${maxAgeSeconds}`,
        'HttpOnly',
        'SameSite=Lax'
    ];
    if (secure) attributes.push('Secure');
    return attributes.join('; ');
}

function readCookie(header: string | undefined): string | undefined {
    const match = new RegExp(`(?:^|;\\s*)${COOKIE}=([A-Za-z0-9_-]+)`).exec(header ?? '');
    return match?.[1];
}

function page(reply: FastifyReply, status: number, title: string, text: string): FastifyReply {
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></main></body></html>`;
    return reply
        .code(status)
        .header('content-type', 'text/html; charset=utf-8')
        .header('content-security-policy', "default-src 'none'")
        .header('cache-control', 'no-store')
        .send(html);
}

function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
