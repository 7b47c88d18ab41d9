import type { Pool } from '../db/pool';
import { randomBytes } from 'node:crypto';
import type { RefundResult } from '../kernel/paymentProcessor';

/**
 * Refunds a succeeded charge, at most what is left of it; the same key gives the first answer. The
 * charge row is locked while refunds are summed, so two refunds racing cannot exceed the charge.
 */
export async function refundLocalCharge(
    pool: Pool,
    request: { processorReference: string; amountCents: number; idempotencyKey: string }
): Promise<RefundResult> {
    const client = await pool.connect();
    try {
        await client.query('BEGIN');
        const charge = await client.query<{ amount_cents: number }>(
            `SELECT amount_cents FROM local_processor_charge
             WHERE result->>'processorReference' = $1 AND result->>'status' = 'succeeded' FOR UPDATE`,
            [request.processorReference]
        );
        const earlier = await client.query<{
            charge_reference: string;
            amount_cents: number;
            result: RefundResult;
        }>(
            'SELECT charge_reference, amount_cents, result FROM local_processor_refund WHERE idempotency_key = $1',
            [request.idempotencyKey]
        );
        const first = earlier.rows[0];
        if (first !== undefined) {
            await client.query('COMMIT');
            if (
                first.charge_reference !== request.processorReference ||
                first.amount_cents !== request.amountCents
            ) {
                throw new Error(
                    `refund key ${request.idempotencyKey} was already used for a different refund`
                );
            }
            return first.result;
        }
        const refunded = await client.query<{ total: number }>(
            `SELECT coalesce(sum(amount_cents), 0)::bigint AS total FROM local_processor_refund
             WHERE charge_reference = $1 AND result->>'status' = 'succeeded'`,
            [request.processorReference]
        );
        const chargedCents = charge.rows[0]?.amount_cents;
        const result: RefundResult =
            chargedCents === undefined
                ? {
                      status: 'failed',
                      code: 'charge_not_found',
                      message: 'There is no such charge to refund.'
                  }
                : (refunded.rows[0]?.total ?? 0) + request.amountCents > chargedCents
                  ? {
                        status: 'failed',
                        code: 'amount_too_large',
                        message: 'The refund exceeds what is left of the charge.'
                    }
                  : { status: 'succeeded', refundReference: `re_${randomBytes(12).toString('hex')}` };
        await client.query(
            `INSERT INTO local_processor_refund (idempotency_key, charge_reference, amount_cents, result)
             VALUES ($1, $2, $3, $4)`,
            [request.idempotencyKey, request.processorReference, request.amountCents, JSON.stringify(result)]
        );
        await client.query('COMMIT');
        return result;
    } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
    } finally {
        client.release();
    }
}
