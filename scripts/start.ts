import { DEMO_USERS } from '../service/src/seed/demoCompany';
import { startService, type RunningService } from '../service/src/app/main';
import { servePreview } from '../preview/servePreview';

/**
 * `npm start`: the billing service with its database, seeded demo company and printed URL.
 * DATA_DIR (default `.data`) holds the embedded database, keys and outbox; PREVIEW=off skips the
 * Lightning panels' preview page (built on first start, ~40 s).
 */
async function main(): Promise<void> {
    const service = await startService(process.env, process.env.DATA_DIR ?? '.data');
    const admin = DEMO_USERS[0];
    console.log(`PowerDialer Billing is listening on ${service.url}`);
    const demo = service.demo;
    if (demo !== undefined) {
        console.log(
            `  demo org ${demo.orgId}, account ${demo.accountId} (${demo.created ? 'seeded now' : 'kept from an earlier start'})`
        );
    }
    if (admin !== undefined && demo !== undefined) {
        console.log(
            `  sign in locally: curl -X POST ${service.url}/dev/token -H 'content-type: application/json' -d '{"userId":"${admin.id}"}'`
        );
    }
    console.log(
        `  OpenAPI: ${service.url}/openapi.json   health: ${service.url}/health   metrics: ${service.url}/metrics`
    );
    const closePreview =
        process.env.PREVIEW === 'off' || demo === undefined
            ? undefined
            : await startPreview(service, demo.orgId);
    const shutdown = () => {
        // The service drains within SHUTDOWN_DRAIN_MS; whatever still hangs after that is cut short.
        setTimeout(() => process.exit(1), Number(process.env.SHUTDOWN_DRAIN_MS ?? 10_000) + 10_000).unref();
        Promise.all([closePreview?.(), service.stop()]).then(
            () => process.exit(0),
            (error: unknown) => {
                console.error(error);
                process.exit(1);
            }
        );
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
}

/** The Lightning panels in a plain page, as the seeded admin or a non-admin (local mode). */
async function startPreview(service: RunningService, orgId: string): Promise<() => Promise<void>> {
    const admin = DEMO_USERS[0];
    const serviceUrl = new URL(service.url);
    const nonAdmin = DEMO_USERS.find((user) => !user.isAdmin && user.active);
    const preview = await servePreview(service.app, {
        users: [admin, nonAdmin].filter((user) => user !== undefined).map((user) => ({ ...user, orgId })),
        host: serviceUrl.hostname,
        port: Number(process.env.PREVIEW_PORT ?? Number(serviceUrl.port) + 1)
    });
    console.log(`  Billing panels (preview): ${preview.url}`);
    return () => preview.close();
}

main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
});
