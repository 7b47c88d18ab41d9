import type { Pool } from '../db/pool';
import type { Clock } from '../kernel/clock';
import type { OrgConnector } from '../kernel/appDeps';
import type { Authenticator, UserDirectory } from '../kernel/caller';
import { localDirectory } from '../identity/directoryUserRepository';
import type { SalesforceConfig } from './config';
import { JwtAuthenticator } from './jwtAuthenticator';
import { forgetLocalIssuer, LocalIssuer } from './localIssuer';
import { SalesforceConnector } from './salesforceConnector';
import { SalesforceDirectory } from './salesforceDirectory';
import { TokenCipher } from './tokenCipher';

export interface Identity {
    authenticator: Authenticator;
    directory: UserDirectory;
    /** Local mode only: mounts POST /dev/token. */
    localIssuer?: LocalIssuer;
    /** Salesforce mode only: mounts /connect/salesforce. */
    orgConnector?: OrgConnector;
}

/**
 * Who may call, for buildApp: signed JWTs verified by JwtAuthenticator in BOTH modes. With an org,
 * users and admin rights come from Salesforce (jsforce); locally, from the seeded directory_users,
 * and a local issuer signs the demo org's tokens. Spread the result into buildApp's deps.
 */
export async function createIdentity(options: {
    pool: Pool;
    clock: Clock;
    config: SalesforceConfig;
    /** Local mode: the seeded demo company. */
    demoOrgId: string;
    /** Local mode: where the issuer keeps its key pair, e.g. `.data/local-issuer`. */
    keyDir: string;
    /** Where used token ids are recorded (see JwtAuthenticatorOptions); default `pool`. */
    tokenIdPool?: Pool;
}): Promise<Identity> {
    const { pool, clock, config } = options;
    const tokenIds = options.tokenIdPool === undefined ? {} : { tokenIdPool: options.tokenIdPool };
    if (config.mode === 'salesforce') {
        const cipher = new TokenCipher(config.tokenKey);
        const oauth = { clientId: config.clientId, clientSecret: config.clientSecret };
        const directory = new SalesforceDirectory({
            pool,
            clock,
            cipher,
            oauth,
            serviceUrl: config.serviceUrl
        });
        const orgConnector = new SalesforceConnector({
            pool,
            clock,
            cipher,
            oauth,
            loginUrl: config.loginUrl,
            serviceUrl: config.serviceUrl,
            onConnected: (orgId) => {
                directory.forget(orgId);
            }
        });
        const authenticator = new JwtAuthenticator({
            pool,
            clock,
            serviceUrl: config.serviceUrl,
            ...tokenIds
        });
        await forgetLocalIssuer(pool);
        return { authenticator, directory, orgConnector };
    }
    const authenticator = new JwtAuthenticator({ pool, clock, ...tokenIds });
    const localIssuer = await LocalIssuer.start({
        pool,
        clock,
        orgId: options.demoOrgId,
        keyDir: options.keyDir
    });
    return { authenticator, directory: localDirectory(pool), localIssuer };
}
