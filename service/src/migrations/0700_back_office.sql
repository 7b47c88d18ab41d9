-- Up Migration

-- Issue 14, R11: the vendor's operators (representatives; finance) and their personal tokens,
-- kept as SHA-256 hashes only (a token is shown once, when it is created).
CREATE TABLE operator_tokens (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 100),
    role text NOT NULL CHECK (role IN ('representative', 'finance')),
    token_hash text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL,
    revoked_at timestamptz
);

-- Every operator change's Idempotency-Key, request hash and first answer (as idempotency_keys for admins).
CREATE TABLE operator_idempotency_keys (
    operator_name text NOT NULL,
    key text NOT NULL,
    request_hash text NOT NULL,
    response_status integer,
    response_body jsonb,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (operator_name, key)
);

-- R11.2: operator reads and changes are audited with the operator and a reason, and shown to the
-- company's admins as "PowerDialer support": such rows have an operator and no Salesforce user.
ALTER TABLE audit_log
    ALTER COLUMN user_id DROP NOT NULL,
    ADD COLUMN operator_name text,
    ADD COLUMN reason text,
    ADD CONSTRAINT audit_log_one_actor CHECK ((user_id IS NULL) = (operator_name IS NOT NULL)),
    ADD CONSTRAINT audit_log_operator_reason CHECK (operator_name IS NULL OR length(trim(reason)) > 0);

-- Contracts over time: a renewal or an amendment is a new contract row in force from `effective_on`
-- (account time zone); the rows before it stay as history. NULL: in force from term_start.
ALTER TABLE contracts
    ADD COLUMN effective_on date,
    ADD COLUMN change_kind text NOT NULL DEFAULT 'initial' CHECK (change_kind IN ('initial', 'renewal', 'amendment')),
    ADD COLUMN replaces_contract_id uuid REFERENCES contracts (id);
CREATE INDEX contracts_in_force ON contracts (billing_account_id, (coalesce(effective_on, term_start)));

-- R7.5: non-recurring charges a representative adds to the next cycle's bill; the cycle takes the
-- unbilled ones (billed_in_period set to its period, so a retried cycle of that period takes them again).
CREATE TABLE pending_charges (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    billing_account_id uuid NOT NULL REFERENCES billing_accounts (id),
    product_code text NOT NULL,
    description text NOT NULL CHECK (length(trim(description)) > 0),
    quantity integer NOT NULL CHECK (quantity > 0),
    unit_price_cents bigint NOT NULL CHECK (unit_price_cents >= 0),
    proration_days integer,
    days_in_month integer,
    amount_cents bigint NOT NULL CHECK (amount_cents > 0),
    created_at timestamptz NOT NULL,
    created_by text NOT NULL,
    billed_in_period text,
    CHECK ((proration_days IS NULL) = (days_in_month IS NULL))
);
CREATE INDEX pending_charges_unbilled ON pending_charges (billing_account_id, created_at);

-- R2 TOLL_FREE: the numbers a representative hooked up, at most the account's TOLL_FREE quantity at once.
CREATE TABLE toll_free_lines (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    billing_account_id uuid NOT NULL REFERENCES billing_accounts (id),
    phone_number text NOT NULL CHECK (phone_number ~ '^\+18(00|33|44|55|66|77|88)[2-9][0-9]{6}$'),
    connected_at timestamptz NOT NULL,
    connected_by text NOT NULL,
    disconnected_at timestamptz
);
CREATE UNIQUE INDEX toll_free_lines_connected_once ON toll_free_lines (phone_number) WHERE disconnected_at IS NULL;
CREATE INDEX toll_free_lines_account ON toll_free_lines (billing_account_id);

-- Credits and refunds are transactions of their own kinds; a refund names the transaction it refunds.
ALTER TABLE sales_transactions DROP CONSTRAINT sales_transactions_kind_check;
ALTER TABLE sales_transactions
    ADD CONSTRAINT sales_transactions_kind_check
        CHECK (kind IN ('licenses', 'minutes', 'services', 'storage', 'cycle', 'refund', 'credit')),
    ADD COLUMN refund_of uuid REFERENCES sales_transactions (id),
    ADD CONSTRAINT sales_transactions_refund_of CHECK ((kind = 'refund') = (refund_of IS NOT NULL));
CREATE INDEX sales_transactions_refund_of ON sales_transactions (refund_of) WHERE refund_of IS NOT NULL;

-- The local test processor's refunds (as its charges: same key, same answer).
CREATE TABLE local_processor_refund (
    idempotency_key text PRIMARY KEY,
    charge_reference text NOT NULL,
    amount_cents bigint NOT NULL CHECK (amount_cents > 0),
    result jsonb NOT NULL
);

-- Down Migration
DROP TABLE local_processor_refund;
DROP INDEX sales_transactions_refund_of;
ALTER TABLE sales_transactions DROP CONSTRAINT sales_transactions_refund_of, DROP COLUMN refund_of,
    DROP CONSTRAINT sales_transactions_kind_check;
DELETE FROM sales_transaction_lines WHERE transaction_id IN (SELECT id FROM sales_transactions WHERE kind IN ('refund', 'credit'));
ALTER TABLE sales_transactions ADD CONSTRAINT sales_transactions_kind_check
    CHECK (kind IN ('licenses', 'minutes', 'services', 'storage', 'cycle'));
DROP TABLE toll_free_lines, pending_charges;
DROP INDEX contracts_in_force;
ALTER TABLE contracts DROP COLUMN replaces_contract_id, DROP COLUMN change_kind, DROP COLUMN effective_on;
ALTER TABLE audit_log DROP CONSTRAINT audit_log_operator_reason, DROP CONSTRAINT audit_log_one_actor,
    DROP COLUMN reason, DROP COLUMN operator_name;
DROP TABLE operator_idempotency_keys, operator_tokens;
