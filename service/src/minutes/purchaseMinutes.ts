import { centsToMinutes, planManualPurchase, unwrap, type Cents } from '../../../core/index';
import type { Tx } from '../db/pool';
import { recordPurchase, type MoneyDeps, type RecordedPurchase } from '../transactions/recordPurchase';
import { loadMinuteSettings } from './minuteSettingsRepository';

export const MINUTES_PRODUCT_CODE = 'MINUTES';

interface MinutesCharge {
    accountId: string;
    amountCents: Cents;
    idempotencyKey: string;
    now: Date;
    /** This source instead of the one chosen for minutes (the recharge job picks it itself). */
    fundingSourceId?: string;
}

/** R5.2: a manual purchase of at least $100 (core's rule). */
export async function purchaseMinutes(
    tx: Tx,
    deps: MoneyDeps,
    input: MinutesCharge
): Promise<RecordedPurchase> {
    const plan = unwrap(planManualPurchase(input.amountCents));
    return chargeMinutes(tx, deps, { ...input, amountCents: plan.amount });
}

/**
 * Buys minutes on the source chosen for minutes (else the primary, R7.4). The ledger credits
 * prepaid minutes, so the balance shows them at once. No minimum: recharges use it directly (R5.3).
 */
export async function chargeMinutes(
    tx: Tx,
    deps: MoneyDeps,
    input: MinutesCharge
): Promise<RecordedPurchase> {
    const fundingSourceId =
        input.fundingSourceId ?? (await loadMinuteSettings(tx, input.accountId)).rechargeFundingSourceId;
    return recordPurchase(tx, deps, {
        accountId: input.accountId,
        kind: 'minutes',
        lines: [
            {
                productCode: MINUTES_PRODUCT_CODE,
                description: `Dialer minutes: ${centsToMinutes(input.amountCents).toLocaleString('en-US')} minutes`,
                quantity: 1,
                unitPriceCents: input.amountCents,
                amountCents: input.amountCents
            }
        ],
        ...(fundingSourceId === null ? {} : { fundingSourceId }),
        idempotencyKey: input.idempotencyKey,
        now: input.now
    });
}
