import {
    isLicenseCode,
    LICENSE_CATALOG,
    LICENSE_CODES,
    type Assignment,
    type Contract,
    type LicenseCode,
    type LicensePrices,
    type LicenseQuantities
} from '../../../core/index';
import type { Queryable } from '../db/pool';

export interface ContractTerms {
    contract: Contract | null;
    prices: LicensePrices;
}

/**
 * The account's contract in force at the instant `at` (the account's calendar day): the latest
 * renewal or amendment whose effective date (else its term start) has come, else the first one to
 * come; without `at`, the latest by effective date. Its term and floors (R3.2) and the price of
 * every license (R3.6). The monthly cycle bills through here: "the contract in force on the 1st".
 */
export async function loadContractTerms(db: Queryable, accountId: string, at?: Date): Promise<ContractTerms> {
    const result = await db.query<ContractTermsRow>(contractTermsSql('$1', '$2'), [accountId, at ?? null]);
    return contractTermsOf(result.rows);
}

export interface ContractTermsRow {
    start: string;
    end: string;
    license_code: string | null;
    floor: number | null;
    price: number | null;
}

/** loadContractTerms' statement, with the placeholders of the account and the instant (`$1`, `$2`) for composing it. */
export function contractTermsSql(account: string, at: string): string {
    return `SELECT to_char(c.term_start, 'YYYY-MM-DD') AS start, to_char(c.term_end, 'YYYY-MM-DD') AS end,
                l.license_code, l.floor, l.unit_price_cents AS price
         FROM (SELECT c.* FROM contracts c JOIN billing_accounts a ON a.id = c.billing_account_id
               WHERE c.billing_account_id = ${account}
               ORDER BY (${at}::timestamptz IS NULL
                         OR coalesce(c.effective_on, c.term_start) <= (${at}::timestamptz AT TIME ZONE a.time_zone)::date) DESC,
                        CASE WHEN ${at}::timestamptz IS NULL
                                  OR coalesce(c.effective_on, c.term_start) <= (${at}::timestamptz AT TIME ZONE a.time_zone)::date
                             THEN coalesce(c.effective_on, c.term_start) END DESC NULLS LAST,
                        coalesce(c.effective_on, c.term_start), c.created_at DESC
               LIMIT 1) c
         LEFT JOIN contract_licenses l ON l.contract_id = c.id`;
}

export function contractTermsOf(rows: readonly ContractTermsRow[]): ContractTerms {
    const first = rows[0];
    // A license outside the contract is priced at its list price; the contracted price wins (R3.6).
    const prices: LicensePrices = Object.fromEntries(
        LICENSE_CODES.map((code) => [code, LICENSE_CATALOG[code].listPrice])
    );
    if (first === undefined) return { contract: null, prices };
    const floors: LicenseQuantities = {};
    for (const row of rows) {
        if (row.license_code === null || !isLicenseCode(row.license_code)) continue;
        floors[row.license_code] = row.floor ?? 0;
        prices[row.license_code] = row.price ?? 0;
    }
    return { contract: { start: first.start, end: first.end, floors }, prices };
}

export async function loadQuantities(db: Queryable, accountId: string): Promise<LicenseQuantities> {
    const result = await db.query<QuantityRow>(quantitiesSql('$1'), [accountId]);
    return quantitiesOf(result.rows);
}

export interface QuantityRow {
    license_code: string;
    quantity: number;
}

export function quantitiesSql(account: string): string {
    return `SELECT license_code, quantity FROM license_quantities WHERE billing_account_id = ${account}`;
}

export function quantitiesOf(rows: readonly QuantityRow[]): LicenseQuantities {
    const quantities: LicenseQuantities = {};
    for (const row of rows) {
        if (isLicenseCode(row.license_code)) quantities[row.license_code] = row.quantity;
    }
    return quantities;
}

/**
 * R3.5: the most of each license held this billing month (account time zone), from the quantity
 * changes since the 1st: the cycle paid for the quantity held on the 1st and each raise was charged
 * at once, so every quantity held this month is paid until the next cycle.
 */
export async function loadPaidThisMonth(
    db: Queryable,
    input: { accountId: string; timeZone: string; now: Date }
): Promise<LicenseQuantities> {
    const result = await db.query<{ license_code: string; paid: number }>(
        `SELECT license_code, max(GREATEST(old_quantity, new_quantity))::int AS paid
         FROM license_quantity_changes
         WHERE billing_account_id = $1 AND changed_at <= $2
           AND changed_at >= date_trunc('month', $2::timestamptz AT TIME ZONE $3) AT TIME ZONE $3
         GROUP BY license_code`,
        [input.accountId, input.now, input.timeZone]
    );
    const paid: LicenseQuantities = {};
    for (const row of result.rows) {
        if (isLicenseCode(row.license_code)) paid[row.license_code] = row.paid;
    }
    return paid;
}

export async function loadAssignments(db: Queryable, accountId: string): Promise<Assignment[]> {
    const result = await db.query<{ user_id: string; license_code: string }>(
        'SELECT user_id, license_code FROM license_assignments WHERE billing_account_id = $1 ORDER BY user_id, license_code',
        [accountId]
    );
    return result.rows.flatMap((row) =>
        isLicenseCode(row.license_code) ? [{ userId: row.user_id, license: row.license_code }] : []
    );
}

/** Live runtime leases per license (R2.3 "in use now": users on a seat, calls on a port); a lease past its expiry or released is not in use. */
export async function loadInUse(
    db: Queryable,
    accountId: string,
    now: Date
): Promise<Partial<Record<LicenseCode, number>>> {
    const result = await db.query<{ license_code: string; in_use: number }>(
        `SELECT license_code,
                (count(DISTINCT user_id) FILTER (WHERE purpose = 'seat') + count(*) FILTER (WHERE purpose <> 'seat'))::int AS in_use
         FROM runtime_leases WHERE billing_account_id = $1 AND expires_at > $2 GROUP BY license_code`,
        [accountId, now]
    );
    const inUse: Partial<Record<LicenseCode, number>> = {};
    for (const row of result.rows) {
        if (isLicenseCode(row.license_code)) inUse[row.license_code] = row.in_use;
    }
    return inUse;
}

/** How often a seat or port of each license was refused (pool_exhausted, insufficient_ports) in the 30 days to `now`. */
export async function loadRefusals30Days(
    db: Queryable,
    accountId: string,
    now: Date
): Promise<Partial<Record<LicenseCode, number>>> {
    const result = await db.query<{ license_code: string; refusals: number }>(
        `SELECT license_code, count(*)::int AS refusals FROM runtime_refusals
         WHERE billing_account_id = $1 AND refused_at > $2::timestamptz - interval '30 days' AND refused_at <= $2
         GROUP BY license_code`,
        [accountId, now]
    );
    const refusals: Partial<Record<LicenseCode, number>> = {};
    for (const row of result.rows) {
        if (isLicenseCode(row.license_code)) refusals[row.license_code] = row.refusals;
    }
    return refusals;
}

/** Who holds a seat or port right now: each user's licenses with a live lease. */
export async function loadLeaseHolders(
    db: Queryable,
    accountId: string,
    now: Date
): Promise<Map<string, LicenseCode[]>> {
    const result = await db.query<{ user_id: string; licenses: string[] }>(
        `SELECT user_id, array_agg(DISTINCT license_code ORDER BY license_code) AS licenses FROM runtime_leases
         WHERE billing_account_id = $1 AND released_at IS NULL AND expires_at > $2 GROUP BY user_id`,
        [accountId, now]
    );
    return new Map(result.rows.map((row) => [row.user_id, row.licenses.filter(isLicenseCode)]));
}

export function countHolders(assignments: readonly Assignment[]): Partial<Record<LicenseCode, number>> {
    const holders: Partial<Record<LicenseCode, number>> = {};
    for (const { license } of assignments) holders[license] = (holders[license] ?? 0) + 1;
    return holders;
}

export async function saveQuantities(
    db: Queryable,
    input: {
        accountId: string;
        before: LicenseQuantities;
        after: LicenseQuantities;
        now: Date;
        nextCycleDate: string;
        today: string;
    }
): Promise<void> {
    for (const [code, quantity] of Object.entries(input.after)) {
        if (!isLicenseCode(code)) continue;
        const old = input.before[code] ?? 0;
        if (old === quantity) continue;
        await db.query(
            `INSERT INTO license_quantities (billing_account_id, license_code, quantity, updated_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (billing_account_id, license_code) DO UPDATE SET quantity = EXCLUDED.quantity, updated_at = EXCLUDED.updated_at`,
            [input.accountId, code, quantity, input.now]
        );
        await db.query(
            `INSERT INTO license_quantity_changes (billing_account_id, license_code, old_quantity, new_quantity, changed_at, billed_from)
             VALUES ($1, $2, $3, $4, $5, $6)`,
            [
                input.accountId,
                code,
                old,
                quantity,
                input.now,
                quantity > old ? input.today : input.nextCycleDate
            ]
        );
    }
}

export async function saveAssignmentChanges(
    db: Queryable,
    input: { accountId: string; added: readonly Assignment[]; removed: readonly Assignment[]; now: Date }
): Promise<void> {
    for (const { userId, license } of input.removed) {
        await db.query(
            'DELETE FROM license_assignments WHERE billing_account_id = $1 AND user_id = $2 AND license_code = $3',
            [input.accountId, userId, license]
        );
    }
    for (const { userId, license } of input.added) {
        await db.query(
            'INSERT INTO license_assignments (billing_account_id, user_id, license_code, assigned_at) VALUES ($1, $2, $3, $4)',
            [input.accountId, userId, license, input.now]
        );
    }
}
