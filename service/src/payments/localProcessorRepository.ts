import type { Pool } from '../db/pool';
import type { ChargeResult, TokenizedSource } from '../kernel/paymentProcessor';
import type { TestOutcome } from './testCards';

/** The local processor's tokens and charges (its own tables, through its side pool). */
export async function saveLocalSource(
    pool: Pool,
    source: TokenizedSource,
    outcome: TestOutcome | undefined
): Promise<void> {
    await pool.query(
        `INSERT INTO local_processor_source (token, kind, brand, last4, exp_month, exp_year, decline_code, decline_message)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
            source.token,
            source.kind,
            source.brand,
            source.last4,
            source.expMonth ?? null,
            source.expYear ?? null,
            outcome?.declineCode ?? null,
            outcome?.message ?? null
        ]
    );
}

export async function findLocalSource(
    pool: Pool,
    token: string
): Promise<{ decline_code: string | null; decline_message: string | null } | undefined> {
    const found = await pool.query<{ decline_code: string | null; decline_message: string | null }>(
        'SELECT decline_code, decline_message FROM local_processor_source WHERE token = $1',
        [token]
    );
    return found.rows[0];
}

/**
 * Same key, same answer: records the charge unless one is recorded under its key already (the
 * first wins, even when two race), and returns the one recorded.
 */
export async function recordLocalCharge(
    pool: Pool,
    charge: {
        idempotencyKey: string;
        token: string;
        amountCents: number;
        description: string;
        result: ChargeResult;
    }
): Promise<{ token: string; amount_cents: string; result: ChargeResult } | undefined> {
    await pool.query(
        `INSERT INTO local_processor_charge (idempotency_key, token, amount_cents, description, result)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (idempotency_key) DO NOTHING`,
        [
            charge.idempotencyKey,
            charge.token,
            charge.amountCents,
            charge.description,
            JSON.stringify(charge.result)
        ]
    );
    const stored = await pool.query<{ token: string; amount_cents: string; result: ChargeResult }>(
        'SELECT token, amount_cents, result FROM local_processor_charge WHERE idempotency_key = $1',
        [charge.idempotencyKey]
    );
    return stored.rows[0];
}

/** The answer recorded under a key, or undefined when no charge was ever taken with it. */
export async function findLocalCharge(pool: Pool, idempotencyKey: string): Promise<ChargeResult | undefined> {
    const stored = await pool.query<{ result: ChargeResult }>(
        'SELECT result FROM local_processor_charge WHERE idempotency_key = $1',
        [idempotencyKey]
    );
    return stored.rows[0]?.result;
}
