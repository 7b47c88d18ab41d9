import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { PREVIEW_DIST } from './paths';

/** A seeded user the preview page can act as. */
export interface PreviewUser {
    id: string;
    name: string;
    orgId: string;
    isAdmin: boolean;
}

export interface PreviewPluginOptions {
    /** The users of the page's switcher: at least the seeded admin and non-admin. */
    users: PreviewUser[];
    /** Where the built page is; `buildPreview()` writes preview/dist. */
    dist?: string;
}

const SLDS_ASSETS = path.resolve(__dirname, '../node_modules/@salesforce-ux/design-system/assets');

/**
 * Serves the built preview page at `/`, the SLDS stylesheet and icons at `/assets/`, and the
 * switcher's users at `/preview-config.json`. Register it on the service's app:
 * `await app.register(previewPlugin, { users })` after `await buildPreview()`.
 */
export async function previewPlugin(app: FastifyInstance, options: PreviewPluginOptions): Promise<void> {
    await app.register(fastifyStatic, {
        root: options.dist ?? PREVIEW_DIST,
        prefix: '/',
        index: 'index.html'
    });
    await app.register(fastifyStatic, { root: SLDS_ASSETS, prefix: '/assets/', decorateReply: false });
    app.get('/preview-config.json', { schema: { hide: true } }, () => ({ users: options.users }));
}
