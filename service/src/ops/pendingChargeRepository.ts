import type { CyclePeriod } from '../../../core/index';
import type { Queryable, Tx } from '../db/pool';
import type { PurchaseLine } from '../transactions/recordPurchase';

export interface PendingCharge extends PurchaseLine {
    id: string;
}

/** R7.5: a non-recurring charge for the next cycle's bill (added by a representative, or a first month without a source). */
export async function addPendingCharge(
    tx: Tx,
    input: { accountId: string; line: PurchaseLine; createdBy: string; now: Date }
): Promise<string> {
    const { line } = input;
    const inserted = await tx.query<{ id: string }>(
        `INSERT INTO pending_charges (billing_account_id, product_code, description, quantity, unit_price_cents,
                                      proration_days, days_in_month, amount_cents, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
            input.accountId,
            line.productCode,
            line.description,
            line.quantity,
            line.unitPriceCents,
            line.prorationDays?.days ?? null,
            line.prorationDays?.daysInMonth ?? null,
            line.amountCents,
            input.now,
            input.createdBy
        ]
    );
    const id = inserted.rows[0]?.id;
    if (id === undefined) throw new Error('the pending charge was not written');
    return id;
}

/**
 * FOR THE MONTHLY CYCLE: the lines to add to the account's bill of `period`, claimed for that
 * period in the cycle's transaction (locked, marked billed_in_period). A retry of the same period
 * (after a decline, or a rollback) takes the same lines again; a later period never sees them.
 * Call it inside the cycle's transaction and append the lines to the cycle charge:
 *     lines.push(...(await takePendingCharges(tx, account.id, period)));
 */
export async function takePendingCharges(
    tx: Tx,
    accountId: string,
    period: CyclePeriod
): Promise<PendingCharge[]> {
    const result = await tx.query<PendingRow>(takePendingChargesSql('$1', '$2'), [accountId, period]);
    return pendingChargesOf(result.rows);
}

/** takePendingCharges' statement, with the placeholders of the account and the period, for composing it in the cycle's. */
export function takePendingChargesSql(account: string, period: string): string {
    return `UPDATE pending_charges SET billed_in_period = ${period}
         WHERE id IN (SELECT id FROM pending_charges
                      WHERE billing_account_id = ${account} AND (billed_in_period IS NULL OR billed_in_period = ${period})
                      FOR UPDATE)
         RETURNING ${PENDING_COLUMNS}`;
}

/** The lines of takePendingCharges' rows (also as JSON, where `created_at` is a string), oldest first. */
export function pendingChargesOf(rows: readonly PendingRow[]): PendingCharge[] {
    return [...rows].sort(byCreation).map(toPendingCharge);
}

/** The charges still waiting for a cycle (support view, previews). */
export async function listPendingCharges(db: Queryable, accountId: string): Promise<PendingCharge[]> {
    const result = await db.query<PendingRow>(
        `SELECT ${PENDING_COLUMNS} FROM pending_charges WHERE billing_account_id = $1 AND billed_in_period IS NULL
         ORDER BY created_at, id`,
        [accountId]
    );
    return result.rows.map(toPendingCharge);
}

const PENDING_COLUMNS = `id, product_code, description, quantity, unit_price_cents, proration_days, days_in_month,
    amount_cents, created_at`;

export interface PendingRow {
    id: string;
    product_code: string;
    description: string;
    quantity: number;
    unit_price_cents: string | number;
    proration_days: number | null;
    days_in_month: number | null;
    amount_cents: string | number;
    created_at: Date | string;
}

function byCreation(a: PendingRow, b: PendingRow): number {
    return new Date(a.created_at).getTime() - new Date(b.created_at).getTime() || (a.id < b.id ? -1 : 1);
}

function toPendingCharge(row: PendingRow): PendingCharge {
    return {
        id: row.id,
        productCode: row.product_code,
        description: row.description,
        quantity: row.quantity,
        unitPriceCents: Number(row.unit_price_cents),
        ...(row.proration_days === null || row.days_in_month === null
            ? {}
            : { prorationDays: { days: row.proration_days, daysInMonth: row.days_in_month } }),
        amountCents: Number(row.amount_cents)
    };
}
