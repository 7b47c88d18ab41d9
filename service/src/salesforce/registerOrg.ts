import { importSPKI, importX509 } from 'jose';
import type { Pool } from '../db/pool';
import type { Clock } from '../kernel/clock';
import { saveOrgRegistration } from './orgRegistrationRepository';
import { toSalesforceId18 } from './salesforceId';
import type { TokenCipher } from './tokenCipher';

export interface OrgRegistrationRequest {
    orgId: string;
    /** The External Credential's certificate (Setup → Certificate and Key Management → Download) or its public key, PEM. */
    certificatePem: string;
    /** Must equal the `aud` claim of the External Credential. */
    audience: string;
    /** https://<my-domain>.my.salesforce.com */
    instanceUrl: string;
    /** From the OAuth install step; omitted to keep the one already stored. */
    refreshToken?: string;
}

/**
 * The admin step of issue 4: trust this org's signing certificate, and keep (encrypted) the
 * refresh token the service reads the org's users with. Checks everything before writing.
 * Returns the 18-character org id.
 */
export async function registerOrg(
    deps: { pool: Pool; cipher: TokenCipher; clock: Clock },
    request: OrgRegistrationRequest
): Promise<string> {
    const orgId = toSalesforceId18(request.orgId.trim(), 'organization');
    if (orgId === undefined)
        throw new Error(`"${request.orgId}" is not a Salesforce org id (00D…, 15 or 18 characters).`);
    const pem = request.certificatePem.trim();
    await assertRsaPublicKey(pem);
    const audience = request.audience.trim();
    if (audience === '')
        throw new Error('The audience is empty: use the aud claim of the External Credential.');
    const instanceUrl = parseInstanceUrl(request.instanceUrl);
    const refreshToken = request.refreshToken?.trim();
    await saveOrgRegistration(
        deps.pool,
        {
            orgId,
            publicKeyPem: pem,
            jwks: undefined,
            audience,
            instanceUrl,
            refreshTokenEncrypted: refreshToken ? deps.cipher.encrypt(refreshToken, orgId) : undefined
        },
        deps.clock.now()
    );
    return orgId;
}

async function assertRsaPublicKey(pem: string): Promise<void> {
    try {
        if (pem.startsWith('-----BEGIN CERTIFICATE-----')) await importX509(pem, 'RS256');
        else await importSPKI(pem, 'RS256');
    } catch {
        throw new Error(
            'The certificate is not an RSA certificate or public key in PEM form (-----BEGIN CERTIFICATE-----).'
        );
    }
}

function parseInstanceUrl(value: string): string {
    let url: URL;
    try {
        url = new URL(value.trim());
    } catch {
        throw new Error(`"${value}" is not a URL; use https://<my-domain>.my.salesforce.com.`);
    }
    const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
    if (url.protocol !== 'https:' && !local) throw new Error('The instance URL must use https.');
    return url.origin;
}
