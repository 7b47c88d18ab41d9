import { formatUsd, type Cents } from '../../../core/index';
import type { Tx } from '../db/pool';
import type { PaymentProcessor } from '../kernel/paymentProcessor';
import { postTransfer } from '../ledger/postTransfer';
import {
    findRefundableTransaction,
    insertCreditTransaction,
    type RefundableTransaction
} from './creditRepository';
import { opsError } from './opsError';

/** Product codes of the credit and refund lines. */
export const CREDIT_PRODUCT_CODE = 'CREDIT';
export const REFUND_PRODUCT_CODE = 'REFUND';

/**
 * R11.1 goodwill credit: dialer minutes given by PowerDialer, at once in the balance. A new
 * transaction (kind 'credit') and a new ledger transfer, contra-revenue to the prepaid minutes.
 */
export async function giveCredit(
    tx: Tx,
    input: { accountId: string; amountCents: Cents; description: string; idempotencyKey: string; now: Date }
): Promise<{ transactionNumber: string; amountCents: Cents }> {
    const created = await insertCreditTransaction(tx, {
        accountId: input.accountId,
        kind: 'credit',
        refundOf: null,
        fundingSourceId: null,
        processorReference: null,
        amountCents: input.amountCents,
        productCode: CREDIT_PRODUCT_CODE,
        description: `Credit from PowerDialer (dialer minutes): ${input.description}`,
        idempotencyKey: `ops:${input.idempotencyKey}`,
        now: input.now
    });
    await postTransfer(tx, {
        id: `credit:${created.id}`,
        billingAccountId: input.accountId,
        kind: 'goodwill_credit',
        description: `${created.number} ${input.description}`,
        entries: [
            { account: 'credits_and_refunds', debitCents: input.amountCents },
            { account: 'minutes_prepaid', creditCents: input.amountCents }
        ],
        at: input.now
    });
    return { transactionNumber: created.number, amountCents: input.amountCents };
}

export interface RefundAtProcessor {
    original: RefundableTransaction;
    amountCents: Cents;
    refundReference: string;
}

/**
 * Outside any transaction (a network call): checks what is left to refund and has the processor
 * refund it, under a key of this refund (transaction, amount, request key), so a retry refunds once.
 */
export async function refundAtProcessor(
    deps: { pool: Parameters<typeof findRefundableTransaction>[0]; processor: PaymentProcessor },
    input: {
        orgId: string;
        accountId: string;
        number: number;
        amountCents: Cents | undefined;
        idempotencyKey: string;
    }
): Promise<RefundAtProcessor> {
    const original = await findRefundableTransaction(deps.pool, input, input.number);
    if (
        original.status !== 'succeeded' ||
        original.processorReference === null ||
        ['refund', 'credit'].includes(original.kind)
    ) {
        throw opsError('refund_not_refundable', `${original.number} is not a payment that can be refunded.`);
    }
    const left = original.totalCents - original.refundedCents;
    const amountCents = input.amountCents ?? left;
    if (amountCents <= 0 || amountCents > left) {
        throw opsError(
            'refund_exceeds_transaction',
            `${original.number} has ${formatUsd(left)} left to refund (of ${formatUsd(original.totalCents)}).`,
            { leftCents: left }
        );
    }
    if (deps.processor.refund === undefined) {
        throw opsError('refund_unsupported', `The ${deps.processor.name} processor cannot refund.`);
    }
    const result = await deps.processor.refund({
        processorReference: original.processorReference,
        amountCents,
        idempotencyKey: `refund:${original.id}:${amountCents}:${input.idempotencyKey}`
    });
    if (result.status === 'failed') {
        throw opsError(
            'refund_failed',
            `The processor did not refund ${original.number}: ${result.message}`,
            {
                code: result.code
            }
        );
    }
    return { original, amountCents, refundReference: result.refundReference };
}

/**
 * Records a refund the processor made: a transaction of kind 'refund' naming the original, and a
 * new ledger transfer (never an edit) from the processor clearing account back, against revenue
 * (contra-revenue) or, for dialer minutes, against the prepaid minutes still owed.
 */
export async function recordRefund(
    tx: Tx,
    input: { accountId: string; refund: RefundAtProcessor; idempotencyKey: string; now: Date }
): Promise<{ transactionNumber: string; amountCents: Cents; refundOf: string }> {
    const { original, amountCents, refundReference } = input.refund;
    const created = await insertCreditTransaction(tx, {
        accountId: input.accountId,
        kind: 'refund',
        refundOf: original.id,
        fundingSourceId: original.fundingSourceId,
        processorReference: refundReference,
        amountCents,
        productCode: REFUND_PRODUCT_CODE,
        description: `Refund of ${original.number}`,
        idempotencyKey: `ops:${input.idempotencyKey}`,
        now: input.now
    });
    await postTransfer(tx, {
        id: `refund:${created.id}`,
        billingAccountId: input.accountId,
        kind: 'refund',
        description: `${created.number} refund of ${original.number}`,
        entries: [
            {
                account: original.kind === 'minutes' ? 'minutes_prepaid' : 'credits_and_refunds',
                debitCents: amountCents
            },
            { account: 'processor_clearing', creditCents: amountCents }
        ],
        at: input.now
    });
    return { transactionNumber: created.number, amountCents, refundOf: original.number };
}
