import { fundingSourceName } from '../../../core/index';
import type { Tx } from '../db/pool';
import { getFundingSource, isSourceExpired } from './fundingSourceRepository';
import { serviceError } from '../kernel/serviceError';
import { saveRechargeSource } from '../minutes/minuteSettingsRepository';

/** R7.4: which funding source pays for dialer minutes (the secondary, typically). */
export async function setRechargeSource(
    tx: Tx,
    input: { accountId: string; fundingSourceId: string; now: Date }
): Promise<void> {
    const source = await getFundingSource(tx, input.accountId, input.fundingSourceId);
    if (isSourceExpired(source, input.now)) {
        throw serviceError(
            'funding_source_expired',
            `The card ${fundingSourceName(source)} has expired and cannot pay for minute recharges.`
        );
    }
    await saveRechargeSource(tx, { accountId: input.accountId, fundingSourceId: source.id, now: input.now });
}
