import { z } from 'zod';
import type { Queryable } from '../db/pool';
import { isSourceExpired, listFundingSources, type FundingSource } from './fundingSources';

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

/** The source that pays for minutes: the one chosen for recharges, else the primary (R7.4). */
export async function minuteRechargeSourceId(db: Queryable, accountId: string): Promise<string | null> {
    const chosen = await db.query<{ recharge_funding_source_id: string | null }>(
        'SELECT recharge_funding_source_id FROM minute_settings WHERE billing_account_id = $1',
        [accountId]
    );
    return chosen.rows[0]?.recharge_funding_source_id ?? null;
}

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
    const rechargeSourceId = await minuteRechargeSourceId(db, accountId);
    const sources = await listFundingSources(db, accountId);
    return sources.map((source) => toFundingSourceView(source, now, rechargeSourceId));
}
