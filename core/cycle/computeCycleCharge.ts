import type { LicenseCode } from '../catalog/licenses';
import { monthlyRecurring } from '../licenses/monthlyRecurring';
import type { LicensePrices, LicenseQuantities } from '../licenses/schemas';
import { sumCents } from '../money/cents';
import type { Cents } from '../money/cents';
import { FEE_PER_STARTED_GIGABYTE, storageFee, totalUsageBytes } from '../storage/storageFee';
import type { StorageUsage } from '../storage/storageFee';
import { cyclePeriod, formatCyclePeriod, previousCyclePeriod } from './cyclePeriod';
import type { CyclePeriod } from './cyclePeriod';

export interface CycleChargeInput {
    readonly now: Date;
    readonly timeZone: string;
    readonly quantities: LicenseQuantities;
    readonly prices: LicensePrices;
    /** Last month's users and storage use, for its storage fee (R6); null when not measured. */
    readonly lastMonthStorage: { readonly users: number; readonly usage: StorageUsage } | null;
}

export type CycleLine =
    | {
          readonly kind: 'license';
          readonly product: LicenseCode;
          readonly description: string;
          readonly quantity: number;
          readonly unitPrice: Cents;
          readonly amount: Cents;
      }
    | {
          readonly kind: 'storage';
          readonly product: 'STORAGE';
          readonly description: string;
          /** Started gigabytes billed. */
          readonly quantity: number;
          readonly unitPrice: Cents;
          readonly amount: Cents;
      };

export interface CycleCharge {
    readonly period: CyclePeriod;
    readonly storagePeriod: CyclePeriod;
    readonly lines: readonly CycleLine[];
    readonly total: Cents;
}

/** R4.1: the cycle charge billed in advance on the 1st: recurring licenses plus last month's storage fee. */
export function computeCycleCharge(input: CycleChargeInput): CycleCharge {
    const period = cyclePeriod(input.now, input.timeZone);
    const storagePeriod = previousCyclePeriod(period);
    const lines: CycleLine[] = monthlyRecurring(input.quantities, input.prices).lines.map((line) => ({
        kind: 'license',
        product: line.license,
        description: `${line.name} (${formatCyclePeriod(period)})`,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        amount: line.amount
    }));
    if (input.lastMonthStorage !== null) {
        const fee = storageFee(input.lastMonthStorage.users, totalUsageBytes(input.lastMonthStorage.usage));
        if (fee.fee > 0) {
            lines.push({
                kind: 'storage',
                product: 'STORAGE',
                description: `Storage over the allowance (${formatCyclePeriod(storagePeriod)}): ${fee.billedGigabytes} GB started`,
                quantity: fee.billedGigabytes,
                unitPrice: FEE_PER_STARTED_GIGABYTE,
                amount: fee.fee
            });
        }
    }
    return { period, storagePeriod, lines, total: sumCents(lines.map((line) => line.amount)) };
}
