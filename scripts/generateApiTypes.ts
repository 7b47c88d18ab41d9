import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { describeApi } from '../service/src/app/describeApi';

export const SERVICE_TYPES = path.resolve(
    __dirname,
    '../force-app/main/default/lwc/billingApi/serviceTypes.generated.ts'
);

const HEADER = `/**
 * The billing service's request bodies, success answers and error codes, generated from its
 * OpenAPI document (service/src/app/buildApp.ts; the codes: x-error-codes, from
 * service/src/app/routeErrorCodes.ts). Do not edit: run \`npm run api-types\` after changing a route.
 */
`;

interface OpenApiDocument {
    paths?: Record<
        string,
        Record<string, { responses?: Record<string, unknown>; 'x-error-codes'?: string[] } | undefined>
    >;
}

/**
 * Keeps each operation's success answers only: every error is the same `{ code, message }` body, which
 * billingApi turns into a ServiceError for any route; its codes become ErrorCode (errorCodeUnion).
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

/** Every code any route documents (x-error-codes), as a list and its union type: a code no route sends does not type-check. */
function errorCodeUnion(document: OpenApiDocument): string {
    const codes = new Set<string>();
    for (const operations of Object.values(document.paths ?? {})) {
        for (const operation of Object.values(operations)) {
            for (const code of operation?.['x-error-codes'] ?? []) codes.add(code);
        }
    }
    const list = [...codes].sort().map((code) => `'${code}'`);
    return [
        '',
        '/** Every error code the service answers with (the `code` of its `{ code, message }` body). */',
        `export const ERROR_CODES = [${list.join(', ')}] as const;`,
        'export type ErrorCode = (typeof ERROR_CODES)[number];',
        ''
    ].join('\n');
}

/** The text of serviceTypes.generated.ts, formatted as the repository formats TypeScript. */
export async function generateApiTypes(): Promise<string> {
    const document = (await describeApi()) as OpenApiDocument;
    const errorCodes = errorCodeUnion(document);
    const types = astToString(
        await openapiTS(successAnswersOnly(document) as Parameters<typeof openapiTS>[0])
    );
    const options = await resolveConfig(SERVICE_TYPES);
    return format(HEADER + types + errorCodes, { ...options, filepath: SERVICE_TYPES });
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
