import { FEE_PER_STARTED_GIGABYTE, SERVICE_CATALOG } from '../../../core/index';
import type { Pool } from '../db/pool';
import { withTransaction } from '../db/withTransaction';
import { addFundingSource } from '../funding/addFundingSource';
import { listFundingSources } from '../funding/fundingSourceRepository';
import type { Clock } from '../kernel/clock';
import { createLocalProcessor } from '../payments/localProcessor';
import type { PaymentProcessor } from '../kernel/paymentProcessor';
import { MINUTES_PRODUCT_CODE } from '../minutes/purchaseMinutes';
import { recordUsage, type MeteredEvent } from '../minutes/recordUsage';
import { STORAGE_PRODUCT_CODE } from '../transactions/purchaseKinds';
import { recordPurchase, type PurchaseInput } from '../transactions/recordPurchase';
import { smsRateOf } from './seedRepository';

const DAY_MS = 24 * 60 * 60 * 1000;
/** ~$31 of calls a week, the documents' example: 20 calls of 10 min 42 s a day (11 billed minutes each) and 3 texts. */
const CALLS_PER_DAY = 20;
const CALL_SECONDS = 642;
const TEXTS_PER_DAY = 3;

/**
 * Demo money for one billing account: a primary Visa and a secondary Mastercard (local test
 * processor), a transaction of each kind, and 30 days of dialer usage, so the panels show a real
 * bill and a recharge suggestion of about $60 with a $30 threshold. Safe to run twice.
 */
export async function seedMoney(
    pool: Pool,
    accountId: string,
    clock: Clock,
    processor: PaymentProcessor = createLocalProcessor(pool)
): Promise<void> {
    const now = clock.now();
    const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
    await withTransaction(pool, async (tx) => {
        if ((await listFundingSources(tx, accountId)).length > 0) return;
        for (const number of ['4242424242424242', '5555555555554444']) {
            const details = {
                kind: 'card',
                number,
                expMonth: 12,
                expYear: now.getUTCFullYear() + 3,
                cvc: '123'
            } as const;
            await addFundingSource(tx, processor, {
                accountId,
                details: { ...details, holderFirstName: 'Pat', holderLastName: 'Admin' },
                now: daysAgo(60)
            });
        }
    });
    const deps = { pool, processor };
    for (const purchase of seedPurchases(accountId, daysAgo)) {
        await withTransaction(pool, (tx) => recordPurchase(tx, deps, purchase));
    }
    const smsRate = await smsRateOf(pool, accountId);
    for (let day = 30; day >= 1; day--) {
        const events: MeteredEvent[] = [
            ...Array.from({ length: CALLS_PER_DAY }, (_, call) => ({
                kind: 'call' as const,
                seconds: CALL_SECONDS,
                occurredAt: new Date(daysAgo(day).getTime() + call * 15 * 60 * 1000)
            })),
            { kind: 'sms', messages: TEXTS_PER_DAY, occurredAt: daysAgo(day) }
        ];
        await withTransaction(pool, (tx) =>
            recordUsage(tx, {
                accountId,
                smsRateCents: smsRate ?? 1,
                batchId: `seed-day-${day}`,
                events,
                now: daysAgo(day)
            })
        );
    }
}

function seedPurchases(accountId: string, daysAgo: (days: number) => Date): PurchaseInput[] {
    const purchase = (
        days: number,
        kind: PurchaseInput['kind'],
        lines: PurchaseInput['lines']
    ): PurchaseInput => ({
        accountId,
        kind,
        lines,
        idempotencyKey: `seed:${kind}:${days}`,
        now: daysAgo(days)
    });
    const quickStart = SERVICE_CATALOG.IMPLEMENTATION_QUICK_START;
    const quickStartPrice = quickStart.price ?? 50000;
    return [
        purchase(40, 'minutes', [
            {
                productCode: MINUTES_PRODUCT_CODE,
                description: 'Dialer minutes: 10,000 minutes',
                quantity: 1,
                unitPriceCents: 20000,
                amountCents: 20000
            }
        ]),
        purchase(35, 'services', [
            {
                productCode: quickStart.code,
                description: quickStart.name,
                quantity: 1,
                unitPriceCents: quickStartPrice,
                amountCents: quickStartPrice
            }
        ]),
        purchase(21, 'cycle', [
            {
                productCode: 'CRM',
                description: 'CRM × 20',
                quantity: 20,
                unitPriceCents: 6500,
                amountCents: 130000
            },
            {
                productCode: 'DIALER',
                description: 'Dialer × 10',
                quantity: 10,
                unitPriceCents: 9900,
                amountCents: 99000
            },
            {
                productCode: STORAGE_PRODUCT_CODE,
                description: 'Storage: 1 started GB over the allowance',
                quantity: 1,
                unitPriceCents: FEE_PER_STARTED_GIGABYTE,
                amountCents: FEE_PER_STARTED_GIGABYTE
            }
        ]),
        purchase(12, 'licenses', [
            {
                productCode: 'CRM',
                description: 'CRM, 2 added (19 of 30 days)',
                quantity: 2,
                unitPriceCents: 6500,
                prorationDays: { days: 19, daysInMonth: 30 },
                amountCents: 8233
            }
        ])
    ];
}
