import type { Queryable, Tx } from '../db/pool';

export interface MinuteSettings {
    rechargeEnabled: boolean;
    /** R7.4: the source chosen for minutes; null means the primary. */
    rechargeFundingSourceId: string | null;
}

export async function loadMinuteSettings(db: Queryable, accountId: string): Promise<MinuteSettings> {
    const result = await db.query<{ recharge_enabled: boolean; recharge_funding_source_id: string | null }>(
        'SELECT recharge_enabled, recharge_funding_source_id FROM minute_settings WHERE billing_account_id = $1',
        [accountId]
    );
    const row = result.rows[0];
    return {
        rechargeEnabled: row?.recharge_enabled ?? false,
        rechargeFundingSourceId: row?.recharge_funding_source_id ?? null
    };
}

export async function saveRechargeEnabled(
    tx: Tx,
    accountId: string,
    enabled: boolean,
    now: Date
): Promise<void> {
    await tx.query(
        `INSERT INTO minute_settings (billing_account_id, recharge_enabled, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (billing_account_id) DO UPDATE SET recharge_enabled = $2, updated_at = $3`,
        [accountId, enabled, now]
    );
}
