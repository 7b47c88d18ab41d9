import { centsToMinutes, planManualPurchase, unwrap, type Cents } from '../../../core/index';
import type { MutationContext } from '../http/runMutation';
import { recordPurchase, type MoneyDeps, type RecordedPurchase } from '../transactions/recordPurchase';
import { loadMinuteSettings } from './minuteSettings';

export const MINUTES_PRODUCT_CODE = 'MINUTES';

/**
 * R5.2: a manual purchase of at least $100, charged on the source chosen for minutes (else the
 * primary). The ledger credits prepaid minutes, so the balance shows it at once.
 */
export async function purchaseMinutes(
    context: Pick<MutationContext, 'tx' | 'now' | 'idempotencyKey'>,
    deps: MoneyDeps,
    input: { accountId: string; amountCents: Cents }
): Promise<RecordedPurchase> {
    const plan = unwrap(planManualPurchase(input.amountCents));
    const settings = await loadMinuteSettings(context.tx, input.accountId);
    return recordPurchase(context.tx, deps, {
        accountId: input.accountId,
        kind: 'minutes',
        lines: [
            {
                productCode: MINUTES_PRODUCT_CODE,
                description: `Dialer minutes: ${centsToMinutes(plan.amount).toLocaleString('en-US')} minutes`,
                quantity: 1,
                unitPriceCents: plan.amount,
                amountCents: plan.amount
            }
        ],
        ...(settings.rechargeFundingSourceId === null
            ? {}
            : { fundingSourceId: settings.rechargeFundingSourceId }),
        idempotencyKey: context.idempotencyKey,
        now: context.now
    });
}
