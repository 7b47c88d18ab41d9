import type { MutationContext } from '../mutations/runMutation';
import { serviceError } from '../kernel/serviceError';
import type { DirectoryUser, UserDirectory } from '../kernel/caller';
import { setBillingAdministrator, type BillingAccount } from './billingAccountRepository';

export interface BillingAdministratorView {
    userId: string | null;
    name: string | null;
    email: string | null;
    isAdmin: boolean;
    active: boolean;
}

/** R1.3: who receives the account's billing notices. */
export async function getBillingAdministrator(
    directory: UserDirectory,
    account: BillingAccount
): Promise<BillingAdministratorView> {
    const userId = account.billingAdministratorUserId;
    const user = userId === null ? undefined : await directory.getUser(account.orgId, userId);
    return {
        userId,
        name: user?.name ?? null,
        email: user?.email ?? null,
        isAdmin: user?.isAdmin ?? false,
        active: user?.active ?? false
    };
}

/**
 * R1.3: the new billing administrator must be an active Salesforce admin of the company. `user` is
 * what the directory said of `userId`, asked before the account was locked (no network call under a lock).
 */
export async function changeBillingAdministrator(
    context: MutationContext,
    userId: string,
    user: DirectoryUser | undefined
): Promise<BillingAdministratorView> {
    const { account, tx } = context;
    if (account === undefined) throw new Error('changeBillingAdministrator runs with the account locked');
    if (user?.active !== true || !user.isAdmin) {
        throw serviceError(
            'not_an_admin',
            'The billing administrator must be an active Salesforce user with administrative rights (Modify All Data or System Administrator).',
            { userId }
        );
    }
    await setBillingAdministrator(tx, account.id, user.id);
    await context.audit({
        action: 'account.billing_administrator_changed',
        before: { userId: account.billingAdministratorUserId },
        after: { userId: user.id }
    });
    return { userId: user.id, name: user.name, email: user.email, isAdmin: true, active: true };
}
