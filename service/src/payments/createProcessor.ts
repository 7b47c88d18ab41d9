import type { Pool } from '../db/pool';
import { createLocalProcessor } from './localProcessor';
import type { PaymentProcessor } from '../kernel/paymentProcessor';
import { createStripeProcessor } from './stripeProcessor';

/**
 * The processor chosen by configuration: `PAYMENT_PROCESSOR=stripe` with `STRIPE_SECRET_KEY`
 * (and `STRIPE_API_BASE` to point the SDK elsewhere, e.g. a local test server); else the local
 * test processor.
 */
export function createProcessor(env: NodeJS.ProcessEnv, pool: Pool): PaymentProcessor {
    const choice = env.PAYMENT_PROCESSOR ?? 'local';
    const timeoutMs = paymentTimeoutMs(env);
    if (choice === 'local') {
        const delay = env.LOCAL_PROCESSOR_ANSWER_DELAY_MS;
        return createLocalProcessor(
            pool,
            delay === undefined || delay === '' ? {} : { answerDelayMs: Number(delay) }
        );
    }
    if (choice !== 'stripe')
        throw new Error(`PAYMENT_PROCESSOR must be 'local' or 'stripe', not '${choice}'`);
    const secretKey = env.STRIPE_SECRET_KEY;
    if (secretKey === undefined || secretKey === '')
        throw new Error('PAYMENT_PROCESSOR=stripe needs STRIPE_SECRET_KEY');
    const apiBase = env.STRIPE_API_BASE;
    return createStripeProcessor(
        apiBase === undefined || apiBase === '' ? { secretKey, timeoutMs } : { secretKey, apiBase, timeoutMs }
    );
}

export const DEFAULT_PAYMENT_TIMEOUT_MS = 10_000;

/** PAYMENT_TIMEOUT_MS: how long one processor call may take before its charge is left pending. */
export function paymentTimeoutMs(env: NodeJS.ProcessEnv): number {
    const raw = env.PAYMENT_TIMEOUT_MS;
    if (raw === undefined || raw === '') return DEFAULT_PAYMENT_TIMEOUT_MS;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value <= 0)
        throw new Error(`PAYMENT_TIMEOUT_MS must be a positive whole number, not '${raw}'`);
    return value;
}
