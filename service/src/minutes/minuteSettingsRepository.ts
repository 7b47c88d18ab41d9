import { inServiceAt } from '../accounts/billingAccountRepository';
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

/** R7.4: the source that pays for minute recharges. */
export async function saveRechargeSource(
    tx: Tx,
    input: { accountId: string; fundingSourceId: string; now: Date }
): Promise<void> {
    await tx.query(
        `INSERT INTO minute_settings (billing_account_id, recharge_funding_source_id, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (billing_account_id) DO UPDATE SET recharge_funding_source_id = $2, updated_at = $3`,
        [input.accountId, input.fundingSourceId, input.now]
    );
}

/** A removed source no longer pays for minutes (the primary does again). */
export async function clearRechargeSource(tx: Tx, fundingSourceId: string, now: Date): Promise<void> {
    await tx.query(
        'UPDATE minute_settings SET recharge_funding_source_id = NULL, updated_at = $2 WHERE recharge_funding_source_id = $1',
        [fundingSourceId, now]
    );
}

/** R5.4: the accounts in service at `now` with recharge on. */
export async function listAccountsWithRechargeOn(db: Queryable, now: Date): Promise<string[]> {
    const accounts = await db.query<{ billing_account_id: string }>(
        `SELECT s.billing_account_id FROM minute_settings s JOIN billing_accounts a ON a.id = s.billing_account_id
         WHERE s.recharge_enabled AND ${inServiceAt('$1')} ORDER BY s.billing_account_id`,
        [now]
    );
    return accounts.rows.map((row) => row.billing_account_id);
}
