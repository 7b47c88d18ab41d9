import type { Queryable, Tx } from '../db/pool';

/** The accounts an onboarding (one operator's Idempotency-Key) set up, with the plan they were made from. */
export interface OnboardingSetup<Plan> {
    plan: Plan;
    accountIds: string[];
}

export async function findOnboardingSetup<Plan>(
    db: Queryable,
    operatorName: string,
    key: string
): Promise<OnboardingSetup<Plan> | undefined> {
    const found = await db.query<{ plan: Plan; account_ids: string[] }>(
        'SELECT plan, account_ids FROM onboarding_setups WHERE operator_name = $1 AND key = $2',
        [operatorName, key]
    );
    const row = found.rows[0];
    return row === undefined ? undefined : { plan: row.plan, accountIds: row.account_ids };
}

export async function insertOnboardingSetup<Plan>(
    tx: Tx,
    setup: OnboardingSetup<Plan> & { operatorName: string; key: string; orgId: string; now: Date }
): Promise<void> {
    await tx.query(
        `INSERT INTO onboarding_setups (operator_name, key, org_id, plan, account_ids, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [setup.operatorName, setup.key, setup.orgId, JSON.stringify(setup.plan), setup.accountIds, setup.now]
    );
}
