import { planCancellation, type CancellationPlan } from '../../../core/index';
import type { Queryable } from '../db/pool';
import type { MutationContext } from '../mutations/runMutation';
import { serviceError } from '../kernel/serviceError';
import { loadContractTerms, loadQuantities } from '../licenses/licenseRepository';
import { markCancelling, type BillingAccount } from './billingAccountRepository';

/** R4.3: when cancelling would take effect and what remains owed, if asked now. */
export async function previewCancellation(
    db: Queryable,
    account: BillingAccount,
    now: Date
): Promise<CancellationPlan> {
    const { contract, prices } = await loadContractTerms(db, account.id);
    const quantities = await loadQuantities(db, account.id);
    return planCancellation({ now, timeZone: account.timeZone, contract, quantities, prices });
}

/** R4.3: the account is `cancelling` until the end of its term; billing continues until then. */
export async function cancelAccount(
    context: MutationContext
): Promise<{ status: BillingAccount['status']; plan: CancellationPlan }> {
    const { account, tx, now, caller } = context;
    if (account === undefined) throw new Error('cancelAccount runs with the account locked');
    if (account.status !== 'active') {
        throw serviceError(
            'account_cancelling',
            `This account is already being cancelled; it ends on ${account.cancelEffectiveOn ?? 'the end of its term'}.`
        );
    }
    const plan = await previewCancellation(tx, account, now);
    await markCancelling(tx, account.id, { at: now, by: caller.userId, effectiveOn: plan.effectiveDate });
    await context.audit({
        action: 'account.cancellation_requested',
        before: { status: account.status },
        after: { status: 'cancelling', effectiveDate: plan.effectiveDate, remainingOwed: plan.remainingOwed }
    });
    return { status: 'cancelling', plan };
}
