import { LICENSE_CODES, type IsoDate } from '../../../core/index';
import type { Queryable, Tx } from '../db/pool';
import type { PlannedContract } from './planContract';

export type ContractChangeKind = 'initial' | 'renewal' | 'amendment';

export interface ContractVersion extends PlannedContract {
    id: string;
    changeKind: ContractChangeKind;
    effectiveOn: IsoDate;
    replacesContractId: string | null;
    createdAt: string;
}

/** Writes one contract version (a new row: earlier versions stay as they were, as history). */
export async function insertContract(
    tx: Tx,
    input: {
        accountId: string;
        contract: PlannedContract;
        changeKind: ContractChangeKind;
        effectiveOn: IsoDate;
        replacesContractId: string | null;
        now: Date;
    }
): Promise<string> {
    const inserted = await tx.query<{ id: string }>(
        `INSERT INTO contracts (billing_account_id, term_start, term_end, created_at, effective_on, change_kind, replaces_contract_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
            input.accountId,
            input.contract.start,
            input.contract.end,
            input.now,
            input.effectiveOn,
            input.changeKind,
            input.replacesContractId
        ]
    );
    const id = inserted.rows[0]?.id;
    if (id === undefined) throw new Error('the contract was not written');
    for (const code of LICENSE_CODES) {
        const price = input.contract.prices[code];
        if (price === undefined) continue;
        await tx.query(
            'INSERT INTO contract_licenses (contract_id, license_code, floor, unit_price_cents) VALUES ($1, $2, $3, $4)',
            [id, code, input.contract.floors[code] ?? 0, price]
        );
    }
    return id;
}

/** Every contract version of the account, oldest in force first. */
export async function listContractHistory(db: Queryable, accountId: string): Promise<ContractVersion[]> {
    const result = await db.query<{
        id: string;
        start: string;
        end: string;
        effective_on: string;
        change_kind: ContractChangeKind;
        replaces_contract_id: string | null;
        created_at: Date;
        licenses: { code: string; floor: number; price: number }[];
    }>(
        `SELECT c.id, to_char(c.term_start, 'YYYY-MM-DD') AS start, to_char(c.term_end, 'YYYY-MM-DD') AS end,
                to_char(coalesce(c.effective_on, c.term_start), 'YYYY-MM-DD') AS effective_on, c.change_kind,
                c.replaces_contract_id, c.created_at,
                coalesce(json_agg(json_build_object('code', l.license_code, 'floor', l.floor, 'price', l.unit_price_cents))
                         FILTER (WHERE l.license_code IS NOT NULL), '[]') AS licenses
         FROM contracts c LEFT JOIN contract_licenses l ON l.contract_id = c.id
         WHERE c.billing_account_id = $1
         GROUP BY c.id ORDER BY coalesce(c.effective_on, c.term_start), c.created_at`,
        [accountId]
    );
    return result.rows.map((row) => ({
        id: row.id,
        start: row.start,
        end: row.end,
        effectiveOn: row.effective_on,
        changeKind: row.change_kind,
        replacesContractId: row.replaces_contract_id,
        createdAt: row.created_at.toISOString(),
        floors: Object.fromEntries(row.licenses.map((line) => [line.code, line.floor])),
        prices: Object.fromEntries(row.licenses.map((line) => [line.code, line.price]))
    }));
}

/** The id of the contract version in force at `at` (as loadContractTerms chooses it). */
export async function contractIdInForce(
    db: Queryable,
    accountId: string,
    at: IsoDate
): Promise<string | null> {
    const result = await db.query<{ id: string }>(
        `SELECT id FROM contracts WHERE billing_account_id = $1
         ORDER BY (coalesce(effective_on, term_start) <= $2::date) DESC,
                  CASE WHEN coalesce(effective_on, term_start) <= $2::date THEN coalesce(effective_on, term_start) END DESC NULLS LAST,
                  coalesce(effective_on, term_start), created_at DESC
         LIMIT 1`,
        [accountId, at]
    );
    return result.rows[0]?.id ?? null;
}
