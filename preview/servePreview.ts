import type { FastifyInstance } from 'fastify';
import { buildPreview } from './buildPreview';
import type { PreviewUser } from './previewPlugin';
import { buildPreviewServer } from './previewServer';

export interface ServedPreview {
    url: string;
    close(): Promise<void>;
}

/**
 * For `npm start`: builds the preview page if its inputs changed (about 40 s cold, instant
 * after), then serves it on its own port with every service path handed to `service`.
 */
export async function servePreview(
    service: FastifyInstance,
    options: { users: PreviewUser[]; host: string; port: number }
): Promise<ServedPreview> {
    await buildPreview();
    const front = await buildPreviewServer(service, { users: options.users });
    await front.listen({ host: options.host, port: options.port });
    return { url: `http://${options.host}:${options.port}/`, close: () => front.close() };
}
