import type { FastifyRequest } from 'fastify';
import {
    findBillingAccount,
    listBillingAccounts,
    type BillingAccount
} from '../accounts/billingAccountRepository';
import { previewCancellation } from '../accounts/cancelAccount';
import { listAudit } from '../audit/auditRepository';
import { listLicenses } from '../licenses/listLicenses';
import { loadTransaction, recentTransactions } from '../transactions/transactionRepository';
import { listContractHistory } from './contractRepository';
import { findCompany } from './companyRepository';
import { opsError } from './opsError';
import { listPendingCharges } from './pendingChargeRepository';
import { recordSupportAudit } from './supportAuditRepository';
import './opsTypes';

const RECENT_TRANSACTIONS = 100;

/**
 * R11.2: every operator read is audited (operator, reason, when, what was read) before the answer
 * goes out, on each account it shows, so the company's admins see it in their audit list.
 */
async function auditRead(
    request: FastifyRequest,
    orgId: string,
    accounts: readonly BillingAccount[],
    action: string,
    detail: unknown = null
): Promise<void> {
    const { pool, clock } = request.server.deps;
    const accountIds = accounts.length === 0 ? [null] : accounts.map((account) => account.id);
    for (const billingAccountId of accountIds) {
        await recordSupportAudit(pool, {
            orgId,
            billingAccountId,
            operatorName: request.operator.name,
            reason: request.operatorReason,
            action: `support.read.${action}`,
            before: null,
            after: detail,
            idempotencyKey: null,
            at: clock.now()
        });
    }
}

export async function readCompany(request: FastifyRequest, orgId: string) {
    const { pool, clock } = request.server.deps;
    const company = await findCompany(pool, orgId);
    if (company === undefined)
        throw opsError('company_not_found', `There is no company for the org ${orgId}.`);
    const accounts = await listBillingAccounts(pool, orgId, clock.now());
    await auditRead(request, orgId, accounts, 'company');
    return {
        orgId: company.orgId,
        name: company.name,
        accounts: accounts.map((account) => ({
            id: account.id,
            name: account.name,
            timeZone: account.timeZone,
            smsRateCents: account.smsRateCents,
            status: account.status,
            billingAdministratorUserId: account.billingAdministratorUserId,
            cancelRequestedAt: account.cancelRequestedAt?.toISOString() ?? null,
            cancelEffectiveOn: account.cancelEffectiveOn
        }))
    };
}

async function readAccount(
    request: FastifyRequest,
    orgId: string,
    accountId: string,
    action: string,
    detail?: unknown
) {
    const { pool, clock } = request.server.deps;
    const account = await findBillingAccount(pool, orgId, accountId, clock.now());
    await auditRead(request, orgId, [account], action, detail ?? null);
    return account;
}

export async function readLicenses(request: FastifyRequest, orgId: string, accountId: string) {
    const account = await readAccount(request, orgId, accountId, 'licenses');
    const { pool, directory, clock } = request.server.deps;
    return listLicenses(pool, directory, account, clock.now());
}

export async function readTransactions(request: FastifyRequest, orgId: string, accountId: string) {
    const account = await readAccount(request, orgId, accountId, 'transactions');
    const transactions = await recentTransactions(request.server.deps.pool, account.id, RECENT_TRANSACTIONS);
    return {
        transactions: transactions.map(({ id: _id, ...summary }) => ({
            ...summary,
            at: summary.at.toISOString()
        }))
    };
}

export async function readTransaction(
    request: FastifyRequest,
    orgId: string,
    accountId: string,
    number: number
) {
    const account = await readAccount(request, orgId, accountId, 'transaction', { number });
    const { pool } = request.server.deps;
    const detail = await loadTransaction(pool, { orgId, accountId: account.id }, number);
    return {
        ...detail,
        at: detail.at.toISOString(),
        refunds: detail.refunds.map((refund) => ({ ...refund, at: refund.at.toISOString() }))
    };
}

export async function readAudit(request: FastifyRequest, orgId: string, accountId: string) {
    const account = await readAccount(request, orgId, accountId, 'audit');
    return { records: await listAudit(request.server.deps.pool, orgId, account.id) };
}

export async function readCancellation(request: FastifyRequest, orgId: string, accountId: string) {
    const account = await readAccount(request, orgId, accountId, 'cancellation');
    const { pool, clock } = request.server.deps;
    return {
        status: account.status,
        cancelRequestedAt: account.cancelRequestedAt?.toISOString() ?? null,
        cancelEffectiveOn: account.cancelEffectiveOn,
        ifCancelledNow:
            account.status === 'active' ? await previewCancellation(pool, account, clock.now()) : null
    };
}

export async function readContracts(request: FastifyRequest, orgId: string, accountId: string) {
    const account = await readAccount(request, orgId, accountId, 'contracts');
    const { pool } = request.server.deps;
    return {
        contracts: await listContractHistory(pool, account.id),
        pendingCharges: await listPendingCharges(pool, account.id)
    };
}

/** Audits a preview (a read: nothing changes) of an operator. */
export async function auditPreview(
    request: FastifyRequest,
    orgId: string,
    accounts: readonly BillingAccount[],
    action: string,
    detail: unknown
) {
    await auditRead(request, orgId, accounts, `preview.${action}`, detail);
}
