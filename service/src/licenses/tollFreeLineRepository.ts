import type { Queryable, Tx } from '../db/pool';

export interface TollFreeLine {
    id: string;
    phoneNumber: string;
    connectedAt: string;
}

/** R2 TOLL_FREE: the numbers hooked up on the account now (by a representative), oldest first. */
export async function listConnectedTollFreeLines(db: Queryable, accountId: string): Promise<TollFreeLine[]> {
    const result = await db.query<{ id: string; phone_number: string; connected_at: Date }>(
        `SELECT id, phone_number, connected_at FROM toll_free_lines
         WHERE billing_account_id = $1 AND disconnected_at IS NULL ORDER BY connected_at, phone_number`,
        [accountId]
    );
    return result.rows.map((row) => ({
        id: row.id,
        phoneNumber: row.phone_number,
        connectedAt: row.connected_at.toISOString()
    }));
}

/** True when the number is connected on any account (a number rings in one place). */
export async function isTollFreeNumberConnected(db: Queryable, phoneNumber: string): Promise<boolean> {
    const result = await db.query(
        'SELECT 1 FROM toll_free_lines WHERE phone_number = $1 AND disconnected_at IS NULL',
        [phoneNumber]
    );
    return (result.rowCount ?? 0) > 0;
}

export async function connectTollFreeLine(
    tx: Tx,
    input: { accountId: string; phoneNumber: string; connectedBy: string; now: Date }
): Promise<TollFreeLine> {
    const result = await tx.query<{ id: string }>(
        `INSERT INTO toll_free_lines (billing_account_id, phone_number, connected_at, connected_by)
         VALUES ($1, $2, $3, $4) RETURNING id`,
        [input.accountId, input.phoneNumber, input.now, input.connectedBy]
    );
    const id = result.rows[0]?.id;
    if (id === undefined) throw new Error('the toll-free line was not written');
    return { id, phoneNumber: input.phoneNumber, connectedAt: input.now.toISOString() };
}

/** Disconnects one line of the account; false when it has no such connected line. */
export async function disconnectTollFreeLine(
    tx: Tx,
    input: { accountId: string; lineId: string; now: Date }
): Promise<boolean> {
    const result = await tx.query(
        `UPDATE toll_free_lines SET disconnected_at = $3
         WHERE billing_account_id = $1 AND id = $2 AND disconnected_at IS NULL`,
        [input.accountId, input.lineId, input.now]
    );
    return result.rowCount === 1;
}
