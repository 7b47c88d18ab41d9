import { removalRefusal } from '../../../core/index';
import { reopenCollectionsForNewSource } from '../cycle/collectionRepository';
import type { Tx } from '../db/pool';
import { serviceError } from '../kernel/serviceError';
import { clearRechargeSource } from '../minutes/minuteSettingsRepository';
import {
    demotePrimary,
    getFundingSource,
    isSourceExpired,
    listFundingSources,
    markFundingSourceRemoved,
    setFundingSourceRole,
    type FundingSource
} from './fundingSourceRepository';

/**
 * R7.4: the chosen source becomes primary at once and the old primary takes its place
 * (secondary, or held in reserve). The account row is already locked by the caller.
 */
export async function makePrimary(
    tx: Tx,
    input: { accountId: string; fundingSourceId: string; now: Date }
): Promise<void> {
    const target = await getFundingSource(tx, input.accountId, input.fundingSourceId);
    if (target.role === 'primary') return;
    if (isSourceExpired(target, input.now)) {
        throw serviceError(
            'funding_source_expired',
            `The ${target.brand} card ending ${target.last4} has expired and cannot be the primary funding source.`
        );
    }
    await setFundingSourceRole(tx, target.id, null);
    await demotePrimary(tx, input.accountId, target.role);
    await setFundingSourceRole(tx, target.id, 'primary');
    // R4.2: a changed primary retries an unpaid cycle at once (the route wakes the queue after commit).
    await reopenCollectionsForNewSource(tx, input.accountId, input.now);
}

/**
 * R7.3: removes a source unless it is the last valid one (an expired card does not count). A
 * removed primary is replaced by the secondary, or else by the oldest other valid source.
 */
export async function removeFundingSource(
    tx: Tx,
    input: { accountId: string; fundingSourceId: string; now: Date }
): Promise<void> {
    const target = await getFundingSource(tx, input.accountId, input.fundingSourceId);
    const others = (await listFundingSources(tx, input.accountId)).filter(
        (source) => source.id !== target.id
    );
    const validity = [target, ...others].map((source) => ({
        id: source.id,
        expired: isSourceExpired(source, input.now)
    }));
    const refusal = removalRefusal(target.id, validity);
    if (refusal !== undefined) throw serviceError(refusal.code, refusal.message);
    const validOthers = others.filter((source) => !isSourceExpired(source, input.now));
    await markFundingSourceRemoved(tx, target.id, input.now);
    await clearRechargeSource(tx, target.id, input.now);
    if (target.role === 'primary') await promoteReplacement(tx, validOthers);
}

async function promoteReplacement(tx: Tx, validOthers: FundingSource[]): Promise<void> {
    const replacement = validOthers.find((source) => source.role === 'secondary') ?? validOthers[0];
    if (replacement === undefined) return;
    await setFundingSourceRole(tx, replacement.id, null);
    await setFundingSourceRole(tx, replacement.id, 'primary');
}
