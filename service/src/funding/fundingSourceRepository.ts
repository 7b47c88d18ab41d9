import type { Queryable, Tx } from '../db/pool';
import { notFound } from '../kernel/serviceError';
import { isCardExpired } from './validation';

export interface FundingSource {
    id: string;
    billingAccountId: string;
    kind: 'card' | 'bank_account';
    processor: string;
    token: string;
    brand: string;
    last4: string;
    expMonth: number | null;
    expYear: number | null;
    holderFirstName: string;
    holderLastName: string;
    role: 'primary' | 'secondary' | null;
    createdAt: Date;
}

interface FundingSourceRow {
    id: string;
    billing_account_id: string;
    kind: 'card' | 'bank_account';
    processor: string;
    token: string;
    brand: string;
    last4: string;
    exp_month: number | null;
    exp_year: number | null;
    holder_first_name: string;
    holder_last_name: string;
    role: 'primary' | 'secondary' | null;
    created_at: Date;
}

function fromRow(row: FundingSourceRow): FundingSource {
    return {
        id: row.id,
        billingAccountId: row.billing_account_id,
        kind: row.kind,
        processor: row.processor,
        token: row.token,
        brand: row.brand,
        last4: row.last4,
        expMonth: row.exp_month,
        expYear: row.exp_year,
        holderFirstName: row.holder_first_name,
        holderLastName: row.holder_last_name,
        role: row.role,
        createdAt: row.created_at
    };
}

/** R7.3: an expired card is not a valid funding source; a bank account does not expire. */
export function isSourceExpired(source: Pick<FundingSource, 'expMonth' | 'expYear'>, now: Date): boolean {
    return (
        source.expMonth !== null &&
        source.expYear !== null &&
        isCardExpired(source.expMonth, source.expYear, now)
    );
}

/** The account's funding sources not removed: primary first, then secondary, then oldest first. */
export async function listFundingSources(db: Queryable, billingAccountId: string): Promise<FundingSource[]> {
    const result = await db.query<FundingSourceRow>(
        `SELECT * FROM funding_sources WHERE billing_account_id = $1 AND removed_at IS NULL
         ORDER BY CASE role WHEN 'primary' THEN 0 WHEN 'secondary' THEN 1 ELSE 2 END, created_at, id`,
        [billingAccountId]
    );
    return result.rows.map(fromRow);
}

export async function getFundingSource(
    db: Queryable,
    billingAccountId: string,
    id: string
): Promise<FundingSource> {
    const result = await db.query<FundingSourceRow>(
        'SELECT * FROM funding_sources WHERE billing_account_id = $1 AND id = $2 AND removed_at IS NULL',
        [billingAccountId, id]
    );
    const row = result.rows[0];
    if (row === undefined) throw notFound('funding source');
    return fromRow(row);
}

export async function findSourceByRole(
    db: Queryable,
    billingAccountId: string,
    role: 'primary' | 'secondary'
): Promise<FundingSource | undefined> {
    const result = await db.query<FundingSourceRow>(
        'SELECT * FROM funding_sources WHERE billing_account_id = $1 AND role = $2',
        [billingAccountId, role]
    );
    const row = result.rows[0];
    return row === undefined ? undefined : fromRow(row);
}

export type NewFundingSource = Omit<FundingSource, 'id' | 'createdAt'>;

export async function insertFundingSource(
    db: Queryable,
    source: NewFundingSource,
    now: Date
): Promise<FundingSource> {
    const result = await db.query<FundingSourceRow>(
        `INSERT INTO funding_sources (billing_account_id, kind, processor, token, brand, last4, exp_month, exp_year,
             holder_first_name, holder_last_name, role, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *`,
        [
            source.billingAccountId,
            source.kind,
            source.processor,
            source.token,
            source.brand,
            source.last4,
            source.expMonth,
            source.expYear,
            source.holderFirstName,
            source.holderLastName,
            source.role,
            now
        ]
    );
    const row = result.rows[0];
    if (row === undefined) throw new Error('funding source insert returned no row');
    return fromRow(row);
}

export async function setFundingSourceRole(tx: Tx, id: string, role: FundingSource['role']): Promise<void> {
    await tx.query('UPDATE funding_sources SET role = $2 WHERE id = $1', [id, role]);
}

/** The account's primary source takes `role` (the role the new primary leaves). */
export async function demotePrimary(tx: Tx, accountId: string, role: FundingSource['role']): Promise<void> {
    await tx.query(
        "UPDATE funding_sources SET role = $2 WHERE billing_account_id = $1 AND role = 'primary'",
        [accountId, role]
    );
}

export async function markFundingSourceRemoved(tx: Tx, id: string, now: Date): Promise<void> {
    await tx.query('UPDATE funding_sources SET role = NULL, removed_at = $2 WHERE id = $1', [id, now]);
}
