import type { Pool } from '../db/pool';
import type { Clock } from '../kernel/clock';
import type { Authenticator, UserDirectory } from '../kernel/caller';
import { localDirectory } from '../identity/directoryUserRepository';
import type { SalesforceConfig } from './config';
import { JwtAuthenticator } from './jwtAuthenticator';
import { forgetLocalIssuer, LocalIssuer } from './localIssuer';
import { SalesforceDirectory } from './salesforceDirectory';
import { TokenCipher } from './tokenCipher';

export interface Identity {
    authenticator: Authenticator;
    directory: UserDirectory;
    /** Local mode only: mounts POST /dev/token. */
    localIssuer?: LocalIssuer;
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
    const authenticator = new JwtAuthenticator(
        options.tokenIdPool === undefined
            ? { pool, clock }
            : { pool, clock, tokenIdPool: options.tokenIdPool }
    );
    if (config.mode === 'salesforce') {
        const directory = new SalesforceDirectory({
            pool,
            clock,
            cipher: new TokenCipher(config.tokenKey),
            oauth: { clientId: config.clientId, clientSecret: config.clientSecret }
        });
        await forgetLocalIssuer(pool);
        return { authenticator, directory };
    }
    const localIssuer = await LocalIssuer.start({
        pool,
        clock,
        orgId: options.demoOrgId,
        keyDir: options.keyDir
    });
    return { authenticator, directory: localDirectory(pool), localIssuer };
}
