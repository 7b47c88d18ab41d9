-- Up Migration

-- Tenancy (R1): a company is one Salesforce org; it has billing accounts.
CREATE TABLE companies (
    org_id char(18) PRIMARY KEY CHECK (org_id ~ '^[a-zA-Z0-9]{18}$'),
    name text NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE TABLE billing_accounts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id char(18) NOT NULL REFERENCES companies (org_id),
    name text NOT NULL,
    time_zone text NOT NULL,
    -- Price of one SMS in cents (R5.1).
    sms_rate_cents integer NOT NULL DEFAULT 1 CHECK (sms_rate_cents >= 0),
    status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelling', 'cancelled')),
    billing_administrator_user_id char(18),
    cancel_requested_at timestamptz,
    cancel_requested_by char(18),
    cancel_effective_on date,
    created_at timestamptz NOT NULL,
    UNIQUE (org_id, id)
);
CREATE INDEX billing_accounts_org ON billing_accounts (org_id);

-- R3.2 / R3.6: a contract has a term and, per license, a floor and the contracted price.
CREATE TABLE contracts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    billing_account_id uuid NOT NULL REFERENCES billing_accounts (id),
    term_start date NOT NULL,
    -- First and last day of the term, both included, in the account's time zone (as core's Contract).
    term_end date NOT NULL CHECK (term_end >= term_start),
    created_at timestamptz NOT NULL
);
CREATE INDEX contracts_account ON contracts (billing_account_id, term_start);

CREATE TABLE contract_licenses (
    contract_id uuid NOT NULL REFERENCES contracts (id),
    license_code text NOT NULL,
    floor integer NOT NULL CHECK (floor >= 0),
    unit_price_cents integer NOT NULL CHECK (unit_price_cents >= 0),
    PRIMARY KEY (contract_id, license_code)
);

-- Current purchased quantity per account and license. Lowering takes effect for billing at the
-- next cycle (R3.5): the cycle bills what is here when it runs; the history is in the changes table.
CREATE TABLE license_quantities (
    billing_account_id uuid NOT NULL REFERENCES billing_accounts (id),
    license_code text NOT NULL,
    quantity integer NOT NULL CHECK (quantity >= 0),
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (billing_account_id, license_code)
);

CREATE TABLE license_quantity_changes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    billing_account_id uuid NOT NULL REFERENCES billing_accounts (id),
    license_code text NOT NULL,
    old_quantity integer NOT NULL,
    new_quantity integer NOT NULL,
    changed_at timestamptz NOT NULL,
    -- Added licenses count at once; removed ones from the first day of the next cycle (R3.4, R3.5).
    billed_from date NOT NULL
);
CREATE INDEX license_quantity_changes_account ON license_quantity_changes (billing_account_id, changed_at);

CREATE TABLE license_assignments (
    billing_account_id uuid NOT NULL REFERENCES billing_accounts (id),
    user_id char(18) NOT NULL,
    license_code text NOT NULL,
    assigned_at timestamptz NOT NULL,
    PRIMARY KEY (billing_account_id, user_id, license_code)
);
CREATE INDEX license_assignments_license ON license_assignments (billing_account_id, license_code);

-- Runtime leases of pooled licenses and ports (R2.3, R2.6): a lease that is not renewed expires.
CREATE TABLE runtime_leases (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    billing_account_id uuid NOT NULL REFERENCES billing_accounts (id),
    license_code text NOT NULL,
    user_id char(18) NOT NULL,
    acquired_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX runtime_leases_live ON runtime_leases (billing_account_id, license_code, expires_at);

-- Exactly-once jobs (R4.1 monthly cycle, R5.4 four-hourly recharge): one row per account, job
-- kind and period (e.g. '2026-12' or '2026-11-22T08'); a second run finds the row and stops.
CREATE TABLE billing_runs (
    kind text NOT NULL,
    billing_account_id uuid NOT NULL REFERENCES billing_accounts (id),
    period text NOT NULL,
    status text NOT NULL CHECK (status IN ('started', 'succeeded', 'failed')),
    started_at timestamptz NOT NULL,
    finished_at timestamptz,
    PRIMARY KEY (kind, billing_account_id, period)
);

-- Users of orgs in local mode (no Salesforce): the local UserDirectory reads them.
CREATE TABLE directory_users (
    org_id char(18) NOT NULL,
    user_id char(18) NOT NULL,
    name text NOT NULL,
    email text NOT NULL,
    active boolean NOT NULL,
    is_admin boolean NOT NULL,
    PRIMARY KEY (org_id, user_id)
);

-- Storage snapshots (R6.3), one row per account, day and kind.
CREATE TABLE storage_usage (
    billing_account_id uuid NOT NULL REFERENCES billing_accounts (id),
    measured_on date NOT NULL,
    kind text NOT NULL CHECK (kind IN ('records', 'files', 'data_lists')),
    megabytes integer NOT NULL CHECK (megabytes >= 0),
    PRIMARY KEY (billing_account_id, measured_on, kind)
);

-- R7.5 implementation services bought in the panel.
CREATE TABLE service_purchases (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    billing_account_id uuid NOT NULL REFERENCES billing_accounts (id),
    service_code text NOT NULL,
    quantity integer NOT NULL CHECK (quantity > 0),
    amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
    purchased_at timestamptz NOT NULL,
    purchased_by char(18) NOT NULL
);

-- Every mutating request's key, request hash and first answer, stored with the change (same transaction).
CREATE TABLE idempotency_keys (
    org_id char(18) NOT NULL,
    key text NOT NULL,
    request_hash text NOT NULL,
    response_status integer,
    response_body jsonb,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (org_id, key)
);

-- R9.2: who authorised what.
CREATE TABLE audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id char(18) NOT NULL,
    billing_account_id uuid,
    user_id char(18) NOT NULL,
    first_name text NOT NULL,
    last_name text NOT NULL,
    terms_version text NOT NULL,
    action text NOT NULL,
    before jsonb,
    after jsonb,
    idempotency_key text,
    created_at timestamptz NOT NULL
);
CREATE INDEX audit_log_account ON audit_log (org_id, billing_account_id, created_at DESC);

-- Double-entry ledger, TigerBeetle's model: accounts, immutable transfers, entries summing to zero.
CREATE TABLE ledger_accounts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    billing_account_id uuid NOT NULL REFERENCES billing_accounts (id),
    code text NOT NULL,
    -- Assets carry debit balances; liabilities and revenue carry credit balances.
    normal_side text NOT NULL CHECK (normal_side IN ('debit', 'credit')),
    UNIQUE (billing_account_id, code)
);

CREATE TABLE ledger_transfers (
    -- Client-chosen: retrying with the same id and payload is "already done".
    id text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 200),
    billing_account_id uuid NOT NULL REFERENCES billing_accounts (id),
    kind text NOT NULL,
    description text NOT NULL,
    -- 'posted': final; 'pending': a reservation; 'post_pending'/'void_pending' resolve one pending.
    phase text NOT NULL CHECK (phase IN ('posted', 'pending', 'post_pending', 'void_pending')),
    pending_id text REFERENCES ledger_transfers (id),
    payload_hash text NOT NULL,
    created_at timestamptz NOT NULL,
    CHECK ((phase IN ('post_pending', 'void_pending')) = (pending_id IS NOT NULL))
);
-- A pending transfer is resolved (posted or voided) at most once.
CREATE UNIQUE INDEX ledger_transfers_resolves_once ON ledger_transfers (pending_id) WHERE pending_id IS NOT NULL;
CREATE INDEX ledger_transfers_account ON ledger_transfers (billing_account_id, created_at);

CREATE TABLE ledger_entries (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    transfer_id text NOT NULL REFERENCES ledger_transfers (id),
    ledger_account_id uuid NOT NULL REFERENCES ledger_accounts (id),
    -- Debits positive, credits negative, in cents.
    amount_cents bigint NOT NULL CHECK (amount_cents <> 0)
);
CREATE INDEX ledger_entries_transfer ON ledger_entries (transfer_id);
CREATE INDEX ledger_entries_account ON ledger_entries (ledger_account_id);

-- Transfers and entries are immutable: corrections are new transfers.
CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger rows are immutable (% on %)', TG_OP, TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER ledger_transfers_immutable BEFORE UPDATE OR DELETE ON ledger_transfers
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_entries_immutable BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();

-- At commit, each transfer's entries sum to zero (checked once per inserted entry's transfer).
CREATE FUNCTION ledger_check_transfer_balances() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    total bigint;
BEGIN
    SELECT coalesce(sum(amount_cents), 0) INTO total FROM ledger_entries WHERE transfer_id = NEW.transfer_id;
    IF total <> 0 THEN
        RAISE EXCEPTION 'ledger transfer % does not balance: entries sum to %', NEW.transfer_id, total;
    END IF;
    RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER ledger_entries_balance AFTER INSERT ON ledger_entries
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION ledger_check_transfer_balances();

-- Down Migration
DROP TABLE ledger_entries, ledger_transfers, ledger_accounts, audit_log, idempotency_keys, service_purchases,
    storage_usage, directory_users, billing_runs, runtime_leases, license_assignments, license_quantity_changes,
    license_quantities, contract_licenses, contracts, billing_accounts, companies;
DROP FUNCTION ledger_check_transfer_balances, ledger_refuse_change;
