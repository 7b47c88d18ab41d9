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
    /** Pino logger (or options); default: pino at 'info', silent when NODE_ENV is 'test'. */
    logger?: Logger;
}
