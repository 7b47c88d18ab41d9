import type { Pool } from '../db/pool';
import type { Clock } from '../kernel/clock';
import type { PaymentProcessor } from '../kernel/paymentProcessor';
import { seedMoney } from './seedMoney';

export interface SeedContext {
    pool: Pool;
    clock: Clock;
    processor: PaymentProcessor;
    orgId: string;
    accountId: string;
}

/**
 * Run after the demo company exists, on every start: each must be safe to run twice. To add
 * demo data of your capability, add one line here.
 */
export const SEED_HOOKS: readonly ((context: SeedContext) => Promise<void>)[] = [
    (context) => seedMoney(context.pool, context.accountId, context.clock, context.processor)
];
