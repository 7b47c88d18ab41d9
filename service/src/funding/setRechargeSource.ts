import type { Tx } from '../db/pool';
import { getFundingSource, isSourceExpired } from './fundingSources';
import { serviceError } from '../kernel/serviceError';

/** R7.4: which funding source pays for dialer minutes (the secondary, typically). */
export async function setRechargeSource(
    tx: Tx,
    input: { accountId: string; fundingSourceId: string; now: Date }
): Promise<void> {
    const source = await getFundingSource(tx, input.accountId, input.fundingSourceId);
    if (isSourceExpired(source, input.now)) {
        throw serviceError(
            'funding_source_expired',
            `The ${source.brand} card ending ${source.last4} has expired and cannot pay for minute recharges.`
        );
    }
    await tx.query(
        `INSERT INTO minute_settings (billing_account_id, recharge_funding_source_id, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (billing_account_id) DO UPDATE SET recharge_funding_source_id = $2, updated_at = $3`,
        [input.accountId, source.id, input.now]
    );
}
