import type { Pool } from '../db/pool';
import { makeCompany, TEST_NOW } from './factories';

/**
 * Many billable accounts at once (tests over hundreds, the benchmark over 100,000): each with a
 * contract, 2 CRM licenses at $65 (a $130 cycle) and a primary card known to the local processor
 * (`declineCode` makes every card decline). Opened at TEST_NOW, so due on December 1, 2026.
 */
export async function seedBillableAccounts(
    pool: Pool,
    count: number,
    options: { declineCode?: string } = {}
): Promise<string[]> {
    const orgId = await makeCompany(pool);
    const seeded = await pool.query<{ id: string }>(
        `WITH accounts AS (
             INSERT INTO billing_accounts (org_id, name, time_zone, created_at)
             SELECT $1, 'Account ' || i, 'America/New_York', $3 FROM generate_series(1, $2::int) i RETURNING id),
         contracts AS (
             INSERT INTO contracts (billing_account_id, term_start, term_end, created_at)
             SELECT id, '2026-06-01', '2027-05-31', $3 FROM accounts RETURNING id, billing_account_id),
         prices AS (INSERT INTO contract_licenses (contract_id, license_code, floor, unit_price_cents)
                    SELECT id, 'CRM', 0, 6500 FROM contracts),
         quantities AS (INSERT INTO license_quantities (billing_account_id, license_code, quantity, updated_at)
                        SELECT billing_account_id, 'CRM', 2, $3 FROM contracts),
         tokens AS (INSERT INTO local_processor_source (token, kind, brand, last4, exp_month, exp_year, decline_code, decline_message)
                    SELECT 'tok_seed_' || id, 'card', 'visa', '4242', 12, 2030, $4::text,
                           CASE WHEN $4::text IS NULL THEN NULL ELSE 'Your card was declined.' END FROM accounts),
         sources AS (INSERT INTO funding_sources (billing_account_id, kind, processor, token, brand, last4, exp_month, exp_year,
                         holder_first_name, holder_last_name, role, created_at)
                     SELECT id, 'card', 'local', 'tok_seed_' || id, 'visa', '4242', 12, 2030, 'Ada', 'Lovelace', 'primary', $3
                     FROM accounts)
         SELECT id FROM accounts`,
        [orgId, count, TEST_NOW, options.declineCode ?? null]
    );
    return seeded.rows.map((row) => row.id);
}

/** What the cycle left per seeded account: succeeded cycle transactions and processor charges on its card (both must be 1). */
export async function cycleChargeCounts(
    pool: Pool
): Promise<{ accounts: number; double: number; missing: number }> {
    const counts = await pool.query<{ accounts: number; double: number; missing: number }>(
        `WITH seeded AS (
             SELECT a.id FROM billing_accounts a
             WHERE EXISTS (SELECT 1 FROM funding_sources s WHERE s.billing_account_id = a.id AND s.token = 'tok_seed_' || a.id)),
         recorded AS (
             SELECT billing_account_id AS id, count(*) AS recorded FROM sales_transactions
             WHERE kind = 'cycle' AND status = 'succeeded' GROUP BY billing_account_id),
         charged AS (
             SELECT token, count(*) AS charged FROM local_processor_charge
             WHERE result->>'status' = 'succeeded' GROUP BY token),
         -- Grouped once and joined (not a count per account): 100,000 accounts in one pass.
         per_account AS (
             SELECT seeded.id, coalesce(recorded.recorded, 0) AS recorded, coalesce(charged.charged, 0) AS charged
             FROM seeded LEFT JOIN recorded ON recorded.id = seeded.id
             LEFT JOIN charged ON charged.token = 'tok_seed_' || seeded.id)
         SELECT count(*)::int AS accounts,
                count(*) FILTER (WHERE recorded > 1 OR charged > 1)::int AS double,
                count(*) FILTER (WHERE recorded = 0 OR charged = 0 OR recorded <> charged)::int AS missing
         FROM per_account`
    );
    const row = counts.rows[0];
    if (row === undefined) throw new Error('no counts');
    return row;
}
