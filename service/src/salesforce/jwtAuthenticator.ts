import {
    createLocalJWKSet,
    decodeJwt,
    errors,
    importSPKI,
    importX509,
    jwtVerify,
    type JWTPayload,
    type JWTVerifyGetKey,
    type KeyLike
} from 'jose';
import type { Pool } from '../db/pool';
import type { Clock } from '../kernel/clock';
import type { Authenticator, Caller } from '../kernel/caller';
import { serviceError, type ServiceError } from '../kernel/serviceError';
import { connectUrl } from './connectUrl';
import { findOrgRegistration, type OrgRegistration } from './orgRegistrationRepository';
import { toSalesforceId18 } from './salesforceId';
import { forgetExpiredTokenIds, recordTokenId } from './seenTokenIdRepository';

const ALGORITHM = 'RS256';
/** Salesforce's and our clocks may disagree a little. */
export const CLOCK_SKEW_SECONDS = 30;
/** Named Credential tokens live two minutes by default; refuse anything meant to live much longer. */
export const MAX_TOKEN_LIFETIME_SECONDS = 600;
const FORGET_EVERY_MS = 60_000;

export interface JwtAuthenticatorOptions {
    pool: Pool;
    clock: Clock;
    /** Salesforce mode: an unregistered org's refusal carries the Connect address under it. */
    serviceUrl?: string;
    /**
     * Where used token ids are recorded; default `pool`. Production passes a small pool whose
     * commits do not wait for the disk (createPool's `synchronousCommit: false`): the primary key
     * still refuses a replay at once, and only a database crash could forget the last fraction of
     * a second of ids (tokens live two minutes). It saves one WAL flush per request.
     */
    tokenIdPool?: Pool;
}

/**
 * Proves the caller of a request from the short-lived RS256 JWT that the org's External
 * Credential signs: `iss` = org id, `sub` = user id, `aud`, `exp`, a unique `jti`. The key is
 * the one registered for that org; each `jti` is accepted once (kept in PostgreSQL until expiry).
 */
export class JwtAuthenticator implements Authenticator {
    private readonly pool: Pool;
    private readonly tokenIdPool: Pool;
    private readonly clock: Clock;
    private readonly serviceUrl: string | undefined;
    private readonly keys = new Map<string, Promise<KeyLike> | JWTVerifyGetKey>();
    private lastForgotAt = 0;

    constructor(options: JwtAuthenticatorOptions) {
        this.pool = options.pool;
        this.tokenIdPool = options.tokenIdPool ?? options.pool;
        this.clock = options.clock;
        this.serviceUrl = options.serviceUrl;
    }

    async authenticate(headers: Record<string, string | string[] | undefined>): Promise<Caller> {
        const token = bearerToken(headers.authorization);
        const claims = unverifiedClaims(token);
        const orgId = toSalesforceId18(claims.iss, 'organization');
        if (orgId === undefined) throw invalid('The token does not name a Salesforce org as its issuer.');
        const registration = await findOrgRegistration(this.pool, orgId);
        if (registration === undefined) throw this.notRegistered(orgId, claims.certificate);
        const now = this.clock.now();
        const payload = await this.verify(token, registration, now);
        const userId = toSalesforceId18(payload.sub, 'user');
        if (userId === undefined) throw invalid('The token does not name a Salesforce user as its subject.');
        await this.acceptOnce(orgId, payload, now);
        return { orgId, userId };
    }

    /** Unsigned claims only choose what the refusal suggests: the org's own Connect page. */
    private notRegistered(orgId: string, certificateName: unknown): ServiceError {
        const message = `The Salesforce org ${orgId} is not connected to PowerDialer Billing yet. A Salesforce admin must click Connect on the billing page.`;
        return this.serviceUrl === undefined
            ? serviceError('org_not_registered', message)
            : serviceError('org_not_registered', message, {
                  connectUrl: connectUrl(this.serviceUrl, orgId, certificateName)
              });
    }

    private async verify(token: string, registration: OrgRegistration, now: Date): Promise<JWTPayload> {
        let payload: JWTPayload;
        try {
            const key = this.keyFor(registration);
            const options = {
                algorithms: [ALGORITHM],
                audience: registration.audience,
                currentDate: now,
                clockTolerance: CLOCK_SKEW_SECONDS,
                requiredClaims: ['iss', 'sub', 'aud', 'exp', 'jti']
            };
            payload =
                typeof key === 'function'
                    ? (await jwtVerify(token, key, options)).payload
                    : (await jwtVerify(token, await key, options)).payload;
        } catch (error) {
            throw toAccessError(error);
        }
        const exp = payload.exp ?? 0;
        if (exp - now.getTime() / 1000 > MAX_TOKEN_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS) {
            throw invalid('The token is valid for too long; tokens must expire within ten minutes.');
        }
        return payload;
    }

    private async acceptOnce(orgId: string, payload: JWTPayload, now: Date): Promise<void> {
        const jti = payload.jti ?? '';
        if (jti.length === 0 || jti.length > 200) throw invalid('The token has no usable unique id (jti).');
        const expiresAt = new Date(((payload.exp ?? 0) + CLOCK_SKEW_SECONDS) * 1000);
        if (!(await recordTokenId(this.tokenIdPool, orgId, jti, expiresAt))) {
            throw serviceError(
                'token_replayed',
                'This token was already used. Each request needs a new token.'
            );
        }
        if (now.getTime() - this.lastForgotAt >= FORGET_EVERY_MS) {
            this.lastForgotAt = now.getTime();
            await forgetExpiredTokenIds(this.tokenIdPool, now);
        }
    }

    private keyFor(registration: OrgRegistration): Promise<KeyLike> | JWTVerifyGetKey {
        const source =
            registration.jwks === undefined
                ? (registration.publicKeyPem ?? '')
                : JSON.stringify(registration.jwks);
        const cacheKey = `${registration.orgId}\n${source}`;
        let key = this.keys.get(cacheKey);
        if (key === undefined) {
            key = importKey(registration);
            this.keys.set(cacheKey, key);
        }
        return key;
    }
}

function importKey(registration: OrgRegistration): Promise<KeyLike> | JWTVerifyGetKey {
    if (registration.jwks !== undefined) return createLocalJWKSet(registration.jwks);
    const pem = (registration.publicKeyPem ?? '').trim();
    return pem.startsWith('-----BEGIN CERTIFICATE-----')
        ? importX509(pem, ALGORITHM)
        : importSPKI(pem, ALGORITHM);
}

function bearerToken(header: string | string[] | undefined): string {
    const value = Array.isArray(header) ? header[0] : header;
    const match = /^Bearer\s+([A-Za-z0-9_\-.]+)\s*$/i.exec(value ?? '');
    if (match?.[1] === undefined) {
        throw serviceError(
            'token_missing',
            'Sign in through Salesforce: the request carries no bearer token.'
        );
    }
    return match[1];
}

function unverifiedClaims(token: string): JWTPayload {
    try {
        return decodeJwt(token);
    } catch {
        throw invalid('The bearer token is not a well-formed JWT.');
    }
}

function invalid(message: string): ServiceError {
    return serviceError('token_invalid', message);
}

function toAccessError(error: unknown): ServiceError {
    if (error instanceof errors.JWTExpired) {
        return serviceError('token_expired', 'The token has expired. Reload the page to get a new one.');
    }
    if (error instanceof errors.JWTClaimValidationFailed) {
        if (error.reason === 'missing') return invalid(`The token has no ${error.claim} claim.`);
        if (error.claim === 'nbf' || error.claim === 'iat') {
            return serviceError(
                'token_not_yet_valid',
                'The token is not valid yet. Check the server clocks.'
            );
        }
        if (error.claim === 'aud') {
            return serviceError(
                'token_wrong_audience',
                'The token was issued for another service (wrong audience).'
            );
        }
        return invalid(`The token's ${error.claim} claim is wrong.`);
    }
    if (error instanceof errors.JOSEAlgNotAllowed) return invalid('The token must be signed with RS256.');
    if (error instanceof errors.JOSEError || error instanceof TypeError) {
        return invalid('The token signature does not match the certificate registered for this org.');
    }
    return invalid('The token could not be verified.');
}
