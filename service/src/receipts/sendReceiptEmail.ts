import type { FastifyReply } from 'fastify';
import { runAccountMutation, type AccountMutationRequest } from '../mutations/runMutation';
import type { Authorization } from '../kernel/terms';
import { findTransaction } from '../transactions/findTransaction';
import type { TransactionNumberParams } from '../transactions/schemas';
import { requireMailer } from './emailReceipt';
import { deliverReceiptEmail, type SentReceipt } from './receiptOutbox';
import { insertReceiptEmail } from './receiptEmailRepository';

type SendReceiptRequest = AccountMutationRequest & {
    params: TransactionNumberParams;
    body: { authorization: Authorization; to: string };
};

/**
 * R8.3: e-mails a receipt. The mail is recorded with the audit row and the key, in the change's
 * transaction, and sent after commit: a replay sends a mail that is still pending or failed, and
 * never one already sent.
 */
export async function sendReceiptEmail(
    request: SendReceiptRequest,
    reply: FastifyReply
): Promise<SentReceipt> {
    const { deps } = request.server;
    const mailer = requireMailer(deps.mailer);
    const queued = await runAccountMutation(
        request,
        reply,
        async (context) => {
            const detail = await findTransaction(context.tx, request.caller, request.params);
            const emailId = await insertReceiptEmail(context.tx, {
                transactionId: detail.id,
                to: request.body.to,
                now: context.now
            });
            await context.audit({
                action: 'receipt.email',
                before: null,
                after: { transaction: detail.number, to: request.body.to }
            });
            return { emailId };
        },
        { allowCancelled: true }
    );
    return deliverReceiptEmail(deps.pool, mailer, {
        emailId: queued.emailId,
        detail: await findTransaction(deps.pool, request.caller, request.params),
        clock: deps.clock
    });
}
