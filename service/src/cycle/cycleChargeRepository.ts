import { BASE_LICENSES, type CyclePeriod } from '../../../core/index';
import type { Tx } from '../db/pool';
import {
    contractTermsOf,
    contractTermsSql,
    quantitiesOf,
    quantitiesSql,
    type ContractTerms,
    type ContractTermsRow,
    type QuantityRow
} from '../licenses/licenseRepository';
import {
    pendingChargesOf,
    takePendingChargesSql,
    type PendingCharge,
    type PendingRow
} from '../ops/pendingChargeRepository';
import {
    latestStorageSnapshotSql,
    licenseHoldersSql,
    type StorageSnapshotRow
} from '../storage/storageRepository';
import { storageViewOf, type StorageView } from '../storage/storageView';
import type { LicenseQuantities } from '../../../core/index';

export interface CycleChargeInputs {
    terms: ContractTerms;
    quantities: LicenseQuantities;
    storage: StorageView;
    pending: PendingCharge[];
}

/**
 * R4.1 R7.5 what one account's cycle bill is computed from, in one statement (one round trip
 * instead of five): the contract in force at `now`, the license quantities, last month's storage
 * snapshot and its users, and the charges a representative queued for the bill, claimed for
 * `period` (takePendingCharges). The same statements as their own repositories', composed.
 */
export async function loadCycleChargeInputs(
    tx: Tx,
    accountId: string,
    period: CyclePeriod,
    now: Date
): Promise<CycleChargeInputs> {
    const found = await tx.query<{
        contract: ContractTermsRow[];
        quantities: QuantityRow[];
        storage: StorageSnapshotRow[];
        users: number;
        pending: PendingRow[];
    }>(
        `WITH pending AS (${takePendingChargesSql('$1', '$2')})
         SELECT (SELECT coalesce(json_agg(t), '[]') FROM (${contractTermsSql('$1', '$3')}) t) AS contract,
                (SELECT coalesce(json_agg(q), '[]') FROM (${quantitiesSql('$1')}) q) AS quantities,
                (SELECT coalesce(json_agg(s), '[]') FROM (${latestStorageSnapshotSql('$1')}) s) AS storage,
                (${licenseHoldersSql('$1', '$4')}) AS users,
                (SELECT coalesce(json_agg(p), '[]') FROM pending p) AS pending`,
        [accountId, period, now, BASE_LICENSES]
    );
    const row = found.rows[0];
    if (row === undefined) throw new Error('the cycle inputs statement returned no row');
    return {
        terms: contractTermsOf(row.contract),
        quantities: quantitiesOf(row.quantities),
        storage: storageViewOf(row.storage, row.users),
        pending: pendingChargesOf(row.pending)
    };
}
