import { z } from 'zod';
import { loadMinuteSettings } from '../minutes/minuteSettingsRepository';
import type { Queryable } from '../db/pool';
import { isSourceExpired, listFundingSources, type FundingSource } from './fundingSourceRepository';

export const fundingSourceViewSchema = z.object({
    id: z.uuid(),
    kind: z.enum(['card', 'bank_account']),
    brand: z.string(),
    last4: z.string(),
    expMonth: z.number().int().nullable(),
    expYear: z.number().int().nullable(),
    holderFirstName: z.string(),
    holderLastName: z.string(),
    role: z
        .enum(['primary', 'secondary'])
        .nullable()
        .describe('R7.4: primary pays the monthly bill; secondary is the backup'),
    expired: z.boolean().describe('R7.3: an expired card is not a valid funding source'),
    usedForMinuteRecharges: z.boolean()
});

export const fundingSourcesResponseSchema = z.object({ fundingSources: z.array(fundingSourceViewSchema) });

export type FundingSourceView = z.infer<typeof fundingSourceViewSchema>;

export function toFundingSourceView(
    source: FundingSource,
    now: Date,
    rechargeSourceId: string | null
): FundingSourceView {
    return {
        id: source.id,
        kind: source.kind,
        brand: source.brand,
        last4: source.last4,
        expMonth: source.expMonth,
        expYear: source.expYear,
        holderFirstName: source.holderFirstName,
        holderLastName: source.holderLastName,
        role: source.role,
        expired: isSourceExpired(source, now),
        usedForMinuteRecharges:
            rechargeSourceId === null ? source.role === 'primary' : rechargeSourceId === source.id
    };
}

export async function fundingSourcesView(
    db: Queryable,
    accountId: string,
    now: Date
): Promise<FundingSourceView[]> {
    // R7.4: the source chosen for minute recharges (null: the primary pays).
    const rechargeSourceId = (await loadMinuteSettings(db, accountId)).rechargeFundingSourceId;
    const sources = await listFundingSources(db, accountId);
    return sources.map((source) => toFundingSourceView(source, now, rechargeSourceId));
}
