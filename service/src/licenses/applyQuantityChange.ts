import {
    checkQuote,
    unwrap,
    type LicenseQuantities,
    type QuantityChangePlan,
    type QuantityQuote
} from '../../../core/index';
import type { MutationContext } from '../mutations/runMutation';
import { serviceError } from '../kernel/serviceError';
import { recordPurchase, type RecordedPurchase } from '../transactions/recordPurchase';
import { saveQuantities } from './licenseRepository';
import { planQuantities } from './planQuantities';

export interface AppliedQuantityChange {
    plan: QuantityChangePlan;
    purchase: Pick<RecordedPurchase, 'transactionId' | 'number' | 'totalCents' | 'fundingSourceId'> | null;
}

/**
 * R3.1–R3.6: applies a quantity change with the account locked; added licenses are charged now,
 * prorated (one sales transaction on the primary funding source), removals count from the next cycle.
 * Only at the amounts the admin authorised (`quote`): otherwise quote_changed, nothing charged.
 */
export async function applyQuantityChange(
    context: MutationContext,
    requested: LicenseQuantities,
    quote: QuantityQuote
): Promise<AppliedQuantityChange> {
    const { tx, now, account } = context;
    if (account === undefined) throw new Error('applyQuantityChange runs with the account locked');
    const { current, result } = await planQuantities(tx, account, requested, now);
    const plan = unwrap(result);
    if (plan.lines.length === 0) {
        throw serviceError(
            'nothing_to_change',
            'These are already the quantities of this account; nothing changes.'
        );
    }
    const changed = checkQuote(plan, quote);
    if (changed) throw changed;
    const chargedLines = plan.lines.filter((line) => line.chargeNow > 0);
    const purchase =
        chargedLines.length === 0
            ? null
            : await recordPurchase(tx, context.deps, {
                  accountId: account.id,
                  kind: 'licenses',
                  idempotencyKey: context.idempotencyKey,
                  now,
                  lines: chargedLines.map((line) => ({
                      productCode: line.license,
                      description: `${line.name}, ${line.charged} added (${line.prorationDays} of ${line.daysInMonth} days)`,
                      quantity: line.charged,
                      unitPriceCents: line.unitPrice,
                      prorationDays: { days: line.prorationDays, daysInMonth: line.daysInMonth },
                      amountCents: line.chargeNow
                  }))
              });
    await saveQuantities(tx, {
        accountId: account.id,
        before: current,
        after: plan.newQuantities,
        now,
        today: plan.today,
        nextCycleDate: plan.nextCycleDate
    });
    await context.audit({
        action: 'licenses.quantities_changed',
        before: current,
        after: plan.newQuantities
    });
    return {
        plan,
        purchase:
            purchase === null
                ? null
                : {
                      transactionId: purchase.transactionId,
                      number: purchase.number,
                      totalCents: purchase.totalCents,
                      fundingSourceId: purchase.fundingSourceId
                  }
    };
}
