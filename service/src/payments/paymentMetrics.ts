import { Counter, register } from 'prom-client';
import type { ChargeResult } from '../kernel/paymentProcessor';

const COUNTER_NAME = 'billing_payments_total';

/** Charges sent to the processor, by processor, outcome and decline code: a spike of declines shows here. */
const payments =
    (register.getSingleMetric(COUNTER_NAME) as
        Counter<'processor' | 'status' | 'decline_code'> | undefined) ??
    new Counter({
        name: COUNTER_NAME,
        help: 'Charges sent to the payment processor',
        labelNames: ['processor', 'status', 'decline_code'] as const
    });

export function countPayment(processor: string, result: ChargeResult): void {
    payments.inc({
        processor,
        status: result.status,
        decline_code: result.status === 'declined' ? result.declineCode : ''
    });
}
