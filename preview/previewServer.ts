import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { previewPlugin, type PreviewPluginOptions } from './previewPlugin';

/** Paths the page calls on the service (same origin): the API and local mode's token route. */
const SERVICE_ROUTES = ['/api/*', '/dev/token', '/openapi.json', '/health'];
const HOP_BY_HOP = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive']);

/**
 * For an app that is already `ready()` (buildApp is): a front server that serves the preview and
 * hands every service path to the app in-process with `inject`, so the page and the API share
 * one origin. `await (await buildPreviewServer(app, { users })).listen({ port })`.
 */
export async function buildPreviewServer(
    service: FastifyInstance,
    options: PreviewPluginOptions
): Promise<FastifyInstance> {
    const front = Fastify({ logger: false });
    front.removeAllContentTypeParsers();
    front.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => {
        done(null, body);
    });
    await front.register(previewPlugin, options);
    const forward = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
        const answer = await service.inject({
            method: request.method as 'GET' | 'POST' | 'PUT' | 'DELETE',
            url: request.url,
            headers: request.headers,
            payload: request.body as Buffer | undefined
        });
        for (const [name, value] of Object.entries(answer.headers)) {
            if (!HOP_BY_HOP.has(name) && value !== undefined) void reply.header(name, value);
        }
        return reply.code(answer.statusCode).send(answer.rawPayload);
    };
    for (const url of SERVICE_ROUTES) {
        front.route({ method: ['GET', 'POST', 'PUT', 'DELETE'], url, handler: forward });
    }
    return front;
}
