-- Up Migration

-- Issue 9, charge after commit for onboarding (R11.1): a new company's accounts, contracts,
-- quantities and funding sources commit before their first month is charged (a charge is recorded
-- pending, and committed, on an account that exists). The setup is found again by the operator's
-- Idempotency-Key, so a retry of the same onboarding (or the re-run after the charge) charges the
-- accounts it made instead of making new ones.
CREATE TABLE onboarding_setups (
    operator_name text NOT NULL,
    key text NOT NULL,
    org_id char(18) NOT NULL REFERENCES companies (org_id),
    plan jsonb NOT NULL,
    account_ids uuid[] NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (operator_name, key)
);

-- Down Migration

DROP TABLE onboarding_setups;
