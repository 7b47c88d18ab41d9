import type { Logger } from 'pino';
import type { Pool } from '../db/pool';
import type { Authenticator, UserDirectory } from './caller';
import type { Clock } from './clock';
import type { JobQueue } from './jobQueue';
import type { Mailer } from './mailer';
import type { PaymentProcessor } from './paymentProcessor';

/** Local mode only: signs the demo org's tokens the way the org's Apex proxy does. */
export interface DevTokenIssuer {
    readonly orgId: string;
    issueToken(userId: string): Promise<string>;
}

/**
 * Salesforce mode: an org's admin connects it from the billing page (issue 12). `start` begins
 * the OAuth web-server flow (PKCE); `finish` takes Salesforce's answer and registers the org.
 */
export interface OrgConnector {
    start(request: { orgId?: string; certificateName?: string }): Promise<{
        authorizeUrl: string;
        /** Binds the flow to this browser (a cookie until the callback). */
        browserNonce: string;
    }>;
    finish(request: {
        state: string;
        code: string;
        browserNonce: string | undefined;
    }): Promise<{ orgId: string }>;
}

/** The runtime API's settings (service/src/runtime); every field has a default. */
export interface RuntimeOptions {
    /** Seconds a seat or port lease lives without a renewal (default 60). */
    leaseTtlSeconds?: number;
    /** How long a checked runtime key is remembered by a process (default 5000 ms; 0: never). */
    keyCacheMs?: number;
    /** Usage events older than this are refused (default 168 h). */
    usageWindowHours?: number;
}

/** What the app assembly hands every capability (`app.deps`): the outside world, behind interfaces. */
export interface AppDeps {
    pool: Pool;
    authenticator: Authenticator;
    directory: UserDirectory;
    processor: PaymentProcessor;
    /** How long one processor call may take before its charge is left pending (PAYMENT_TIMEOUT_MS). */
    paymentTimeoutMs?: number;
    mailer?: Mailer;
    clock: Clock;
    /** Enqueues background jobs; absent where no queue runs. */
    jobs?: JobQueue;
    /** Keys the HMAC of idempotency request hashes (SERVICE_SECRET; generated under .data/ locally). */
    serviceSecret: string;
    /** Local mode only: signs demo users' tokens at POST /dev/token. Never set with a real org. */
    localIssuer?: DevTokenIssuer;
    /** Salesforce mode only: mounts /connect/salesforce (self-service registration of an org). */
    orgConnector?: OrgConnector;
    runtime?: RuntimeOptions;
    /** Pino logger (or options); default: pino at 'info', silent when NODE_ENV is 'test'. */
    logger?: Logger;
}
