import { DEMO_USERS } from '../service/src/seed/demoCompany';
import { startService } from '../service/src/main';
import { servePreview } from '../preview/servePreview';

/** `npm start`: the billing service with its database, seeded demo company and printed URL. */
async function main(): Promise<void> {
    const service = await startService(process.env);
    const admin = DEMO_USERS[0];
    console.log(`PowerDialer Billing is listening on ${service.url}`);
    console.log(`  demo org ${service.demo.orgId}, account ${service.demo.accountId}`);
    if (admin !== undefined) {
        console.log(
            `  sign in locally: curl -X POST ${service.url}/dev/token -H 'content-type: application/json' -d '{"userId":"${admin.id}"}'`
        );
    }
    console.log(
        `  OpenAPI: ${service.url}/openapi.json   health: ${service.url}/health   metrics: ${service.url}/metrics`
    );
    // The Lightning panels in a plain page, as the seeded admin or a non-admin (local mode).
    const serviceUrl = new URL(service.url);
    const nonAdmin = DEMO_USERS.find((user) => !user.isAdmin && user.active);
    const preview = await servePreview(service.app, {
        users: [admin, nonAdmin]
            .filter((user) => user !== undefined)
            .map((user) => ({ ...user, orgId: service.demo.orgId })),
        host: serviceUrl.hostname,
        port: Number(process.env.PREVIEW_PORT ?? Number(serviceUrl.port) + 1)
    });
    console.log(`  Billing panels (preview): ${preview.url}`);
    const shutdown = () => {
        Promise.all([preview.close(), service.stop()]).then(
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

main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
});
