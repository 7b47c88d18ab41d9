import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import pg from 'pg';
import pino from 'pino';
import { format, resolveConfig } from 'prettier';
import { buildTestApp } from '../service/src/testing/buildTestApp';

export const SERVICE_TYPES = path.resolve(
    __dirname,
    '../force-app/main/default/lwc/billingApi/serviceTypes.ts'
);

const HEADER = `/**
 * The billing service's request bodies and success answers, generated from its OpenAPI document
 * (service/src/app/buildApp.ts). Do not edit: run \`npm run api-types\` after changing a route.
 */
`;

interface OpenApiDocument {
    paths?: Record<string, Record<string, { responses?: Record<string, unknown> } | undefined>>;
}

/**
 * Keeps each operation's success answers only: every 4xx is the same `{ code, message }` body, which
 * billingApi turns into a ServiceError for any route, so its copy per route and status is noise.
 */
function successAnswersOnly(document: OpenApiDocument): OpenApiDocument {
    for (const operations of Object.values(document.paths ?? {})) {
        for (const operation of Object.values(operations)) {
            if (operation?.responses === undefined) continue;
            operation.responses = Object.fromEntries(
                Object.entries(operation.responses).filter(([status]) => status.startsWith('2'))
            );
        }
    }
    return document;
}

/** The OpenAPI document of the real app's routes; nothing listens and the database is never asked. */
async function openApiDocument(): Promise<OpenApiDocument> {
    // A pool that is never connected: building the routes does not query.
    const pool = new pg.Pool({ connectionString: 'postgres://api-types.invalid/none' });
    const app = await buildTestApp(pool, { logger: pino({ enabled: false }) });
    try {
        const document = structuredClone(app.swagger()) as OpenApiDocument;
        // The panels call the billing API only; the dialer's runtime API is not theirs.
        for (const path of Object.keys(document.paths ?? {})) {
            if (path.startsWith('/runtime/')) delete document.paths?.[path];
        }
        return document;
    } finally {
        await app.close();
        await pool.end();
    }
}

/** The text of serviceTypes.ts, formatted as the repository formats TypeScript. */
export async function generateApiTypes(): Promise<string> {
    const document = await openApiDocument();
    const types = astToString(
        await openapiTS(successAnswersOnly(document) as Parameters<typeof openapiTS>[0])
    );
    const options = await resolveConfig(SERVICE_TYPES);
    return format(HEADER + types, { ...options, filepath: SERVICE_TYPES });
}

/** `npm run api-types` writes the file; `--stdout` prints it instead (the up-to-date test). */
async function main(): Promise<void> {
    const text = await generateApiTypes();
    if (process.argv.includes('--stdout')) {
        process.stdout.write(text);
        return;
    }
    await writeFile(SERVICE_TYPES, text);
    console.log(`wrote ${path.relative(process.cwd(), SERVICE_TYPES)}`);
}

main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
});
