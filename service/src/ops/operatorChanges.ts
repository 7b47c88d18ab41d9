import type { FastifyReply, FastifyRequest } from 'fastify';
import { findBillingAccount } from '../accounts/billingAccountRepository';
import { disconnectTollFreeLine, listConnectedTollFreeLines } from '../licenses/tollFreeLineRepository';
import { parseTransactionNumber } from '../transactions/transactionNumber';
import { addNonRecurringCharge } from './addNonRecurringCharge';
import { applyContractChange, planContractChange } from './changeContract';
import { connectTollFree } from './connectTollFree';
import { giveCredit, recordRefund, refundAtProcessor } from './giveCredit';
import { applyOnboarding, fetchAdministrators, planOnboarding } from './onboardCompany';
import { opsError } from './opsError';
import { runOperatorChange, type OperatorChangeContext } from './runOperatorChange';
import type { ChargeRequest, ContractChangeRequest, OnboardingRequest } from './schemas';
import { auditPreview } from './supportView';
import './opsTypes';

interface AccountParams {
    orgId: string;
    accountId: string;
}

function locked(context: OperatorChangeContext) {
    if (context.account === undefined) throw new Error('this change needs its account locked');
    return context.account;
}

export async function previewOnboarding(request: FastifyRequest, body: OnboardingRequest) {
    const { pool, directory, clock } = request.server.deps;
    const plan = await planOnboarding(pool, await fetchAdministrators(directory, body), body, clock.now());
    await auditPreview(request, body.orgId, [], 'onboarding', {
        accounts: plan.accounts.map((account) => account.name)
    });
    return plan;
}

export function onboard(request: FastifyRequest, reply: FastifyReply, body: OnboardingRequest) {
    return runOperatorChange(request, reply, { orgId: body.orgId, status: 201 }, async (context) => {
        const { plan, accounts } = await applyOnboarding(context.tx, context.deps, {
            request: body,
            now: context.now,
            key: context.idempotencyKey,
            operatorName: context.operator.name,
            createdBy: `operator:${context.operator.name}`
        });
        for (const [index, account] of accounts.entries()) {
            await context.audit({
                action: 'support.account_onboarded',
                billingAccountId: account.accountId,
                before: null,
                after: { plan: plan.accounts[index], result: account }
            });
        }
        return { orgId: plan.orgId, companyName: plan.companyName, accounts };
    });
}

export async function previewContractChange(
    request: FastifyRequest,
    params: AccountParams,
    body: ContractChangeRequest
) {
    const { pool, clock } = request.server.deps;
    const account = await findBillingAccount(pool, params.orgId, params.accountId, clock.now());
    const plan = await planContractChange(pool, account, body, clock.now());
    await auditPreview(request, params.orgId, [account], 'contract_change', {
        kind: body.kind,
        effectiveOn: plan.effectiveOn
    });
    return plan;
}

export function amendContract(
    request: FastifyRequest,
    reply: FastifyReply,
    params: AccountParams,
    body: ContractChangeRequest
) {
    return runOperatorChange(request, reply, { ...params, status: 201 }, async (context) => {
        const account = locked(context);
        const plan = await planContractChange(context.tx, account, body, context.now);
        const { contractId } = await applyContractChange(context.tx, {
            accountId: account.id,
            plan,
            acceptFloorsBelowHoldings: body.acceptFloorsBelowHoldings === true,
            now: context.now
        });
        await context.audit({
            action: `support.contract_${plan.kind}`,
            before: plan.before,
            after: { ...plan.after, effectiveOn: plan.effectiveOn, contractId, warnings: plan.warnings }
        });
        return { contractId, ...plan };
    });
}

export function addCharge(
    request: FastifyRequest,
    reply: FastifyReply,
    params: AccountParams,
    body: ChargeRequest
) {
    return runOperatorChange(request, reply, { ...params, status: 201 }, async (context) => {
        const account = locked(context);
        const result = await addNonRecurringCharge(context.tx, context.deps, {
            accountId: account.id,
            charge: body,
            idempotencyKey: context.idempotencyKey,
            createdBy: `operator:${context.operator.name}`,
            now: context.now
        });
        await context.audit({ action: 'support.charge_added', before: null, after: { ...body, ...result } });
        return result;
    });
}

export function credit(
    request: FastifyRequest,
    reply: FastifyReply,
    params: AccountParams,
    body: { amountCents: number; description: string }
) {
    return runOperatorChange(request, reply, { ...params, status: 201 }, async (context) => {
        const account = locked(context);
        const result = await giveCredit(context.tx, {
            accountId: account.id,
            amountCents: body.amountCents,
            description: body.description,
            idempotencyKey: context.idempotencyKey,
            now: context.now
        });
        await context.audit({ action: 'support.credit_given', before: null, after: result });
        return result;
    });
}

export function refund(
    request: FastifyRequest,
    reply: FastifyReply,
    params: AccountParams & { number: string },
    body: { amountCents?: number | undefined }
) {
    const number = parseTransactionNumber(params.number) ?? 0;
    const key = request.headers['idempotency-key'];
    const { pool, processor } = request.server.deps;
    return runOperatorChange(
        request,
        reply,
        {
            orgId: params.orgId,
            accountId: params.accountId,
            status: 201,
            beforeTransaction: () =>
                refundAtProcessor(
                    { pool, processor },
                    {
                        ...params,
                        number,
                        amountCents: body.amountCents,
                        idempotencyKey: typeof key === 'string' ? key : ''
                    }
                )
        },
        async (context, prepared) => {
            const account = locked(context);
            if (prepared === undefined) throw new Error('the refund was not made at the processor');
            const result = await recordRefund(context.tx, {
                accountId: account.id,
                refund: prepared,
                idempotencyKey: context.idempotencyKey,
                now: context.now
            });
            await context.audit({
                action: 'support.refund_given',
                before: {
                    transaction: prepared.original.number,
                    refundedCents: prepared.original.refundedCents
                },
                after: result
            });
            return result;
        }
    );
}

export function connectLine(
    request: FastifyRequest,
    reply: FastifyReply,
    params: AccountParams,
    body: { phoneNumber: string }
) {
    return runOperatorChange(request, reply, { ...params, status: 201 }, async (context) => {
        const account = locked(context);
        const { before, line } = await connectTollFree(context.tx, {
            accountId: account.id,
            phoneNumber: body.phoneNumber,
            connectedBy: `operator:${context.operator.name}`,
            now: context.now
        });
        await context.audit({ action: 'support.toll_free_connected', before, after: [...before, line] });
        return line;
    });
}

export function disconnectLine(
    request: FastifyRequest,
    reply: FastifyReply,
    params: AccountParams & { lineId: string }
) {
    return runOperatorChange(request, reply, params, async (context) => {
        const account = locked(context);
        const before = await listConnectedTollFreeLines(context.tx, account.id);
        const done = await disconnectTollFreeLine(context.tx, {
            accountId: account.id,
            lineId: params.lineId,
            now: context.now
        });
        if (!done)
            throw opsError(
                'toll_free_line_not_found',
                'There is no connected toll-free line with that id on this account.'
            );
        const after = await listConnectedTollFreeLines(context.tx, account.id);
        await context.audit({ action: 'support.toll_free_disconnected', before, after });
        return { tollFreeLines: after };
    });
}
