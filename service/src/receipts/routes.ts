import { z } from 'zod';
import { defineRoutes } from '../kernel/defineRoutes';
import { authorizationSchema } from '../kernel/terms';
import { findTransaction } from '../transactions/findTransaction';
import { transactionNumberParamsSchema } from '../transactions/schemas';
import { receiptContent } from './receiptContent';
import { renderReceiptHtml } from './renderReceiptHtml';
import { renderReceiptPdf } from './renderReceiptPdf';
import { sendReceiptEmail } from './sendReceiptEmail';

const TAGS = ['transactions'];

/** R8.3: the receipt of one transaction, printable (HTML), as a PDF, and by e-mail. */
export const receiptRoutes = defineRoutes((app) => {
    app.get(
        '/accounts/:accountId/transactions/:number/receipt.html',
        {
            schema: {
                tags: TAGS,
                description: 'R8.3: printable receipt.',
                params: transactionNumberParamsSchema
            }
        },
        async (request, reply) => {
            const detail = await findTransaction(app.deps.pool, request.caller, request.params);
            return reply
                .type('text/html; charset=utf-8')
                .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
                .send(renderReceiptHtml(receiptContent(detail)));
        }
    );

    app.get(
        '/accounts/:accountId/transactions/:number/receipt.pdf',
        {
            schema: {
                tags: TAGS,
                description: 'R8.3: the receipt as a PDF.',
                params: transactionNumberParamsSchema
            }
        },
        async (request, reply) => {
            const receipt = receiptContent(
                await findTransaction(app.deps.pool, request.caller, request.params)
            );
            return reply
                .type('application/pdf')
                .header('content-disposition', `inline; filename="${receipt.number}.pdf"`)
                .send(await renderReceiptPdf(receipt));
        }
    );

    app.post(
        '/accounts/:accountId/transactions/:number/email',
        {
            schema: {
                tags: TAGS,
                description: 'R8.3: e-mail the receipt (PDF attached).',
                params: transactionNumberParamsSchema,
                body: z.object({ authorization: authorizationSchema, to: z.email().max(254) }),
                response: { 200: z.object({ sent: z.literal(true), sentTo: z.string(), sentAt: z.string() }) }
            }
        },
        async (request, reply) => sendReceiptEmail(request, reply)
    );
});
