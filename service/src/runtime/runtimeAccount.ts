import type { Queryable } from '../db/pool';
import { serviceError } from '../kernel/serviceError';
import { findRuntimeAccounts, type RuntimeAccount } from './runtimeAccountRepository';

export type { RuntimeAccount } from './runtimeAccountRepository';

/** Who the dialer names: the org, and optionally one of its billing accounts. */
export interface RuntimeSubject {
    orgId: string;
    accountId?: string | undefined;
}

/**
 * The billing account a runtime request means (R1.2: looked up inside the named org only, so an
 * id of another company's account is never found), refused when it is cancelled (R4.3).
 */
export async function resolveRuntimeAccount(
    db: Queryable,
    subject: RuntimeSubject,
    now: Date
): Promise<RuntimeAccount> {
    const accounts = await findRuntimeAccounts(db, {
        orgId: subject.orgId,
        accountId: subject.accountId,
        now
    });
    checkAccountCount(accounts.length);
    const account = accounts[0];
    if (account === undefined) throw new Error('unreachable: checked above');
    if (account.status === 'cancelled') throw accountCancelled();
    return account;
}

/** 0 accounts: not found in the org; 2: the org has several and the request named none. */
export function checkAccountCount(accounts: number): void {
    if (accounts === 0)
        throw serviceError('not_found', 'There is no billing account with that id in this org.');
    if (accounts > 1)
        throw serviceError(
            'account_required',
            'This org has several billing accounts: name one with accountId.'
        );
}

export function accountCancelled(): Error {
    return serviceError(
        'account_cancelled',
        'This billing account is cancelled: its contract term has ended, so the dialer is no longer available.'
    );
}
