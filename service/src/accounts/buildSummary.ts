import { monthlyRecurring, sumCents } from '../../../core/index';
import { paymentStatus } from '../cycle/paymentStatus';
import type { Queryable } from '../db/pool';
import { loadContractTerms, loadQuantities } from '../licenses/licenseRepository';
import type { z } from 'zod';
import { listBillingAccounts } from './billingAccountRepository';
import { recentPurchases } from './recentPurchases';
import type { summaryResponseSchema } from './schemas';

export type Summary = z.infer<typeof summaryResponseSchema>;

/** R1.1: every account of the company with the licenses billed on it and its recent purchases. */
export async function buildSummary(db: Queryable, orgId: string, now: Date): Promise<Summary> {
    const accounts = await listBillingAccounts(db, orgId, now);
    const summaries = await Promise.all(
        accounts.map(async (account) => {
            const [{ prices }, quantities, purchases, payment] = await Promise.all([
                loadContractTerms(db, account.id, now),
                loadQuantities(db, account.id),
                recentPurchases(db, account.id),
                paymentStatus(db, account)
            ]);
            const recurring = monthlyRecurring(quantities, prices);
            return {
                id: account.id,
                name: account.name,
                status: account.status,
                timeZone: account.timeZone,
                licenses: recurring.lines.map((line) => ({
                    code: line.license,
                    name: line.name,
                    quantity: line.quantity,
                    unitPriceCents: line.unitPrice,
                    lineTotalCents: line.amount
                })),
                recurringTotalCents: recurring.total,
                recentPurchases: purchases,
                payment
            };
        })
    );
    return {
        orgId,
        accounts: summaries,
        recurringTotalCents: sumCents(summaries.map((account) => account.recurringTotalCents))
    };
}
