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
    if (choice === 'local') return createLocalProcessor(pool);
    if (choice !== 'stripe')
        throw new Error(`PAYMENT_PROCESSOR must be 'local' or 'stripe', not '${choice}'`);
    const secretKey = env.STRIPE_SECRET_KEY;
    if (secretKey === undefined || secretKey === '')
        throw new Error('PAYMENT_PROCESSOR=stripe needs STRIPE_SECRET_KEY');
    const apiBase = env.STRIPE_API_BASE;
    return createStripeProcessor(
        apiBase === undefined || apiBase === '' ? { secretKey } : { secretKey, apiBase }
    );
}
