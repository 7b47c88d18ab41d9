import { createHash, randomBytes } from 'node:crypto';
import { OAuth2, type Connection } from 'jsforce';
import { isBillingError } from '../../../core/errors';
import type { Pool } from '../db/pool';
import type { OrgConnector } from '../kernel/appDeps';
import type { Clock } from '../kernel/clock';
import { serviceError, type ServiceError } from '../kernel/serviceError';
import { CERTIFICATE_NAME, CONNECT_PATH } from './connectUrl';
import {
    forgetExpiredConnectAttempts,
    saveConnectAttempt,
    takeConnectAttempt
} from './connectAttemptRepository';
import { readOrgCertificate } from './orgCertificate';
import { registerOrg } from './registerOrg';
import {
    DirectoryConnection,
    holdsModifyAllData,
    SALESFORCE_API_VERSION,
    type SalesforceOAuthClient
} from './salesforceDirectory';
import { toSalesforceId18 } from './salesforceId';
import type { TokenCipher } from './tokenCipher';

/** The package's default; the org's token names its own (custom metadata PowerDialer_Billing_Setting). */
export const DEFAULT_CERTIFICATE_NAME = 'PowerDialer_Billing_Signing';
/**
 * `api` for the REST and Metadata API calls (User and PermissionSetAssignment reads; the
 * certificate once, now), `refresh_token` to keep reading users after the admin leaves.
 */
export const CONNECT_SCOPES = 'api refresh_token';
const ATTEMPT_LIFETIME_MS = 10 * 60_000;
const SALESFORCE_WAIT_MS = 15_000;

export interface SalesforceConnectorOptions {
    pool: Pool;
    cipher: TokenCipher;
    clock: Clock;
    oauth: SalesforceOAuthClient;
    /** https://login.salesforce.com, https://test.salesforce.com, or a My Domain. */
    loginUrl: string;
    /** This service's public address: the callback lives under it, and it is the tokens' `aud`. */
    serviceUrl: string;
    /** Called after an org (re)connects, so cached connections use the new refresh token. */
    onConnected?: (orgId: string) => void;
}

/**
 * Self-service registration (issue 12): the OAuth 2.0 web-server flow with PKCE against the
 * service's connected app, then — with the admin's fresh token — a check that they hold Modify
 * All Data, the org's signing certificate read through the Metadata API, and registerOrg (the
 * certificate and the encrypted refresh token; connecting again replaces both).
 */
export class SalesforceConnector implements OrgConnector {
    private readonly redirectUri: string;

    constructor(private readonly options: SalesforceConnectorOptions) {
        this.redirectUri = new URL(`${CONNECT_PATH}/callback`, options.serviceUrl).toString();
    }

    async start(request: { orgId?: string; certificateName?: string }) {
        const orgId =
            request.orgId === undefined ? undefined : toSalesforceId18(request.orgId, 'organization');
        if (request.orgId !== undefined && orgId === undefined) {
            throw serviceError(
                'invalid_salesforce_id',
                'org must be a 15- or 18-character Salesforce org id.'
            );
        }
        const certificateName = request.certificateName ?? DEFAULT_CERTIFICATE_NAME;
        if (!CERTIFICATE_NAME.test(certificateName)) {
            throw serviceError('invalid_request', 'certificate must be the unique name of a certificate.');
        }
        const state = randomToken();
        const browserNonce = randomToken();
        const codeVerifier = randomToken();
        const now = this.options.clock.now();
        await forgetExpiredConnectAttempts(this.options.pool, now);
        await saveConnectAttempt(
            this.options.pool,
            {
                stateHash: sha256(state),
                browserHash: sha256(browserNonce),
                codeVerifier,
                orgId,
                certificateName,
                expiresAt: new Date(now.getTime() + ATTEMPT_LIFETIME_MS)
            },
            now
        );
        // Salesforce takes the S256 challenge of RFC 7636 (it documents no code_challenge_method).
        const authorizeUrl = new OAuth2(this.oauthConfig()).getAuthorizationUrl({
            scope: CONNECT_SCOPES,
            state,
            code_challenge: createHash('sha256').update(codeVerifier).digest('base64url')
        });
        return { authorizeUrl, browserNonce };
    }

    async finish(request: { state: string; code: string; browserNonce: string | undefined }) {
        const { pool, clock } = this.options;
        const attempt = await takeConnectAttempt(pool, sha256(request.state), clock.now());
        if (attempt === undefined || request.browserNonce === undefined) throw expired();
        if (sha256(request.browserNonce) !== attempt.browserHash) throw expired();
        const connection = new DirectoryConnection({
            oauth2: this.oauthConfig(),
            version: SALESFORCE_API_VERSION
        });
        const identity = await bounded(
            connection.authorize(request.code, { code_verifier: attempt.codeVerifier })
        );
        const orgId = toSalesforceId18(identity.organizationId, 'organization');
        const userId = toSalesforceId18(identity.id, 'user');
        if (orgId === undefined || userId === undefined)
            throw new Error('Salesforce answered without org and user ids');
        if (attempt.orgId !== undefined && attempt.orgId !== orgId) {
            throw serviceError(
                'connect_wrong_org',
                `You signed in to org ${orgId}, but the billing page belongs to org ${attempt.orgId}. Sign in to that org and connect again.`
            );
        }
        await assertAdmin(connection, userId);
        const certificatePem = await bounded(readOrgCertificate(connection, attempt.certificateName));
        const refreshToken = connection.refreshToken;
        if (refreshToken === undefined || refreshToken === null || refreshToken === '') {
            throw serviceError(
                'connect_refused',
                'Salesforce gave no refresh token: the connected app must allow the refresh_token scope.'
            );
        }
        await registerOrg(
            { pool, cipher: this.options.cipher, clock },
            {
                orgId,
                certificatePem,
                audience: this.options.serviceUrl,
                instanceUrl: connection.instanceUrl,
                refreshToken
            }
        );
        this.options.onConnected?.(orgId);
        return { orgId };
    }

    private oauthConfig() {
        return {
            loginUrl: this.options.loginUrl,
            clientId: this.options.oauth.clientId,
            clientSecret: this.options.oauth.clientSecret,
            redirectUri: this.redirectUri
        };
    }
}

async function assertAdmin(connection: Connection, userId: string): Promise<void> {
    if (!(await bounded(holdsModifyAllData(connection, userId)))) {
        throw serviceError(
            'not_permitted',
            'Only a Salesforce admin (Modify All Data) can connect PowerDialer Billing. Ask one to click Connect.'
        );
    }
}

function randomToken(): string {
    return randomBytes(32).toString('base64url');
}

function sha256(value: string): string {
    return createHash('sha256').update(value).digest('base64url');
}

function expired(): ServiceError {
    return serviceError(
        'connect_expired',
        'This connection attempt expired or was already used. Start again with Connect on the billing page, in this browser.'
    );
}

/**
 * Salesforce's answer within SALESFORCE_WAIT_MS. Its refusals of the code (invalid_grant: used,
 * expired, or a wrong PKCE verifier) become connect_refused; service refusals pass; anything
 * else is Salesforce being unavailable.
 */
async function bounded<T>(call: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
            reject(new Error('Salesforce did not answer in time'));
        }, SALESFORCE_WAIT_MS);
    });
    try {
        return await Promise.race([call, deadline]);
    } catch (error) {
        throw toConnectError(error);
    } finally {
        clearTimeout(timer);
    }
}

function toConnectError(error: unknown): unknown {
    if (!(error instanceof Error) || isBillingError(error)) return error;
    if (error.name === 'invalid_grant' || error.name === 'invalid_request') {
        return serviceError(
            'connect_refused',
            `Salesforce refused the connection (${error.message}). Start again with Connect on the billing page.`
        );
    }
    const unavailable = serviceError(
        'salesforce_unavailable',
        'Salesforce cannot be reached right now. Try Connect again in a few minutes.'
    );
    unavailable.cause = error;
    return unavailable;
}
