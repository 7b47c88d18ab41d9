/*
 * Registers a Salesforce org with the billing service (issue 4, admin step): trusts the External
 * Credential's signing certificate and stores the OAuth refresh token of the install step, encrypted.
 *
 *   DATABASE_URL=… SALESFORCE_TOKEN_KEY=… SALESFORCE_REFRESH_TOKEN=… npx tsx scripts/register-org.ts \
 *       --org-id 00D… --certificate PowerDialer_Billing_Signing.crt \
 *       --audience https://billing.powerdialer.example --instance-url https://acme.my.salesforce.com
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { migrate } from '../service/src/db/migrate';
import { createPool } from '../service/src/db/pool';
import { systemClock } from '../service/src/kernel/clock';
import { loadTokenKey } from '../service/src/salesforce/config';
import { registerOrg } from '../service/src/salesforce/registerOrg';
import { TokenCipher } from '../service/src/salesforce/tokenCipher';

async function main(): Promise<void> {
    const { values } = parseArgs({
        options: {
            'org-id': { type: 'string' },
            certificate: { type: 'string' },
            audience: { type: 'string' },
            'instance-url': { type: 'string' }
        }
    });
    const orgId = values['org-id'];
    const certificate = values.certificate;
    const audience = values.audience;
    const instanceUrl = values['instance-url'];
    const databaseUrl = process.env.DATABASE_URL;
    if (!orgId || !certificate || !audience || !instanceUrl || !databaseUrl) {
        throw new Error(
            'Usage: DATABASE_URL=… register-org --org-id --certificate <file> --audience --instance-url'
        );
    }
    await migrate(databaseUrl);
    const pool = createPool({ connectionString: databaseUrl, max: 1 });
    try {
        const registered = await registerOrg(
            { pool, cipher: new TokenCipher(loadTokenKey(process.env)), clock: systemClock },
            {
                orgId,
                certificatePem: await readFile(certificate, 'utf8'),
                audience,
                instanceUrl,
                refreshToken: process.env.SALESFORCE_REFRESH_TOKEN
            }
        );
        const withToken = process.env.SALESFORCE_REFRESH_TOKEN
            ? 'with a new refresh token'
            : 'keeping any stored refresh token';
        console.log(`Registered org ${registered} (${withToken}).`);
    } finally {
        await pool.end();
    }
}

main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
});
