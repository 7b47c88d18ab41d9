import { DEMO_USERS } from '../service/src/seed/demoCompany';
import { startService } from '../service/src/main';

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
    const shutdown = () => {
        service.stop().then(
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
