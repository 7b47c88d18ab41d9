import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const SERVICE_TYPES = path.resolve(
    __dirname,
    '../force-app/main/default/lwc/billingApi/serviceTypes.generated.ts'
);

jest.setTimeout(60_000);

describe("the panels' service types", () => {
    it("are generated from the service's current OpenAPI document (else: run npm run api-types)", async () => {
        // openapi-typescript and prettier load ES modules: generate in a child process, into memory.
        const { stdout } = await promisify(execFile)(
            process.execPath,
            [require.resolve('tsx/cli'), path.join(__dirname, 'generateApiTypes.ts'), '--stdout'],
            { maxBuffer: 16 * 1024 * 1024 }
        );
        expect(stdout).toContain("'/api/v1/accounts/{accountId}/transactions/{number}/email'");
        expect(stdout).toMatch(/export const ERROR_CODES = [^;]*'routing_number_invalid'/);
        const committed = await readFile(SERVICE_TYPES, 'utf8');
        if (stdout !== committed) {
            throw new Error(
                'force-app/main/default/lwc/billingApi/serviceTypes.generated.ts is not what the service documents: run npm run api-types'
            );
        }
    });
});
