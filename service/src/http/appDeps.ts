import type { Logger } from 'pino';
import type { Pool } from '../db/pool';
import type { Authenticator, UserDirectory } from '../identity/caller';
import type { PaymentProcessor } from '../payments/processor';
import type { LocalIssuer } from '../salesforce/localIssuer';

/** Time is a dependency: rules get `clock.now()` as a parameter, tests pass a fixed clock. */
export interface Clock {
    now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date | string): Clock {
    const instant = new Date(at);
    return { now: () => new Date(instant) };
}

/** Sends e-mail (receipts, failed-payment notices). The money engineer provides implementations. */
export interface Mailer {
    send(message: {
        to: string;
        subject: string;
        /** Fixed per message, so a resend after a crash is recognisable as the same mail. */
        messageId?: string;
        text: string;
        html?: string;
        attachments?: unknown[];
    }): Promise<void>;
}

export interface AppDeps {
    pool: Pool;
    authenticator: Authenticator;
    directory: UserDirectory;
    processor: PaymentProcessor;
    mailer?: Mailer;
    clock: Clock;
    /** Keys the HMAC of idempotency request hashes (SERVICE_SECRET; generated under .data/ locally). */
    serviceSecret: string;
    /** Local mode only: signs demo users' tokens at POST /dev/token. Never set with a real org. */
    localIssuer?: LocalIssuer;
    /** Pino logger (or options); default: pino at 'info', silent when NODE_ENV is 'test'. */
    logger?: Logger;
}
