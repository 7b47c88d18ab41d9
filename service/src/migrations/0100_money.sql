-- Up Migration

-- The local test processor's own records (it stands in for an external card network, see
-- service/src/payments/localProcessor.ts). Tokens and outcomes only: never a number.
CREATE TABLE local_processor_source (
    token text PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('card', 'bank_account')),
    brand text NOT NULL,
    last4 char(4) NOT NULL,
    exp_month integer,
    exp_year integer,
    decline_code text,
    decline_message text
);

CREATE TABLE local_processor_charge (
    idempotency_key text PRIMARY KEY,
    token text NOT NULL,
    amount_cents bigint NOT NULL,
    description text NOT NULL,
    result jsonb NOT NULL
);

-- R7: funding sources. The processor keeps the number; we keep its token, brand, last4, expiry.
CREATE TABLE funding_sources (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    billing_account_id uuid NOT NULL REFERENCES billing_accounts (id),
    kind text NOT NULL CHECK (kind IN ('card', 'bank_account')),
    processor text NOT NULL,
    token text NOT NULL,
    brand text NOT NULL,
    last4 char(4) NOT NULL CHECK (last4 ~ '^[0-9]{4}$'),
    exp_month integer CHECK (exp_month BETWEEN 1 AND 12),
    exp_year integer,
    holder_first_name text NOT NULL CHECK (length(trim(holder_first_name)) > 0),
    holder_last_name text NOT NULL CHECK (length(trim(holder_last_name)) > 0),
    -- R7.4: one primary, at most one secondary, others held in reserve.
    role text CHECK (role IN ('primary', 'secondary')),
    created_at timestamptz NOT NULL,
    removed_at timestamptz,
    CHECK ((kind = 'card') = (exp_month IS NOT NULL AND exp_year IS NOT NULL)),
    CHECK (removed_at IS NULL OR role IS NULL)
);
CREATE INDEX funding_sources_account ON funding_sources (billing_account_id) WHERE removed_at IS NULL;
CREATE UNIQUE INDEX funding_sources_one_per_role ON funding_sources (billing_account_id, role) WHERE role IS NOT NULL;

-- R5.3: automatic minute recharge, and which funding source pays for minutes (R7.4).
CREATE TABLE minute_settings (
    billing_account_id uuid PRIMARY KEY REFERENCES billing_accounts (id),
    recharge_enabled boolean NOT NULL DEFAULT false,
    recharge_funding_source_id uuid REFERENCES funding_sources (id),
    updated_at timestamptz NOT NULL
);

-- R5.1: rated usage, append-only. Built for bulk metering: narrow rows, batched inserts, each batch
-- posted to the ledger as one transfer (ledger_transfer_id), read by (account, time) range.
CREATE TABLE minute_usage (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    billing_account_id uuid NOT NULL REFERENCES billing_accounts (id),
    occurred_at timestamptz NOT NULL,
    call_seconds integer NOT NULL DEFAULT 0 CHECK (call_seconds >= 0),
    sms_count integer NOT NULL DEFAULT 0 CHECK (sms_count >= 0),
    rated_cents bigint NOT NULL CHECK (rated_cents >= 0),
    ledger_transfer_id text NOT NULL REFERENCES ledger_transfers (id)
);
CREATE INDEX minute_usage_account_time ON minute_usage (billing_account_id, occurred_at);
CREATE TRIGGER minute_usage_immutable BEFORE UPDATE OR DELETE ON minute_usage
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();

-- R8: sales transactions, numbered TRX-000001 upwards from one sequence.
-- No foreign keys to billing_accounts or funding_sources on purpose: a declined charge is recorded
-- from a second connection while the request's transaction holds the account row FOR UPDATE (and
-- then rolls back); a foreign-key check would wait on that lock for ever. recordPurchase reads both
-- rows in the request's transaction before it writes.
CREATE SEQUENCE sales_transaction_number;
CREATE TABLE sales_transactions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    number bigint NOT NULL UNIQUE DEFAULT nextval('sales_transaction_number'),
    billing_account_id uuid NOT NULL,
    kind text NOT NULL CHECK (kind IN ('licenses', 'minutes', 'services', 'storage', 'cycle')),
    status text NOT NULL CHECK (status IN ('succeeded', 'failed')),
    funding_source_id uuid,
    total_cents bigint NOT NULL CHECK (total_cents >= 0),
    processor_reference text,
    decline_code text,
    decline_message text,
    idempotency_key text NOT NULL,
    created_at timestamptz NOT NULL,
    UNIQUE (billing_account_id, idempotency_key)
);
ALTER SEQUENCE sales_transaction_number OWNED BY sales_transactions.number;
CREATE INDEX sales_transactions_account_time ON sales_transactions (billing_account_id, created_at);

CREATE TABLE sales_transaction_lines (
    transaction_id uuid NOT NULL REFERENCES sales_transactions (id),
    line_number integer NOT NULL,
    product_code text NOT NULL,
    description text NOT NULL,
    quantity integer NOT NULL CHECK (quantity > 0),
    unit_price_cents bigint NOT NULL CHECK (unit_price_cents >= 0),
    proration_days integer,
    days_in_month integer,
    amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
    PRIMARY KEY (transaction_id, line_number),
    CHECK ((proration_days IS NULL) = (days_in_month IS NULL))
);

-- R8.3: receipts sent by e-mail (the audit log records who asked).
CREATE TABLE receipt_emails (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    transaction_id uuid NOT NULL REFERENCES sales_transactions (id),
    to_address text NOT NULL,
    message_id text,
    sent_at timestamptz NOT NULL
);

-- Down Migration
DROP TABLE receipt_emails, sales_transaction_lines, sales_transactions, minute_usage, minute_settings,
    funding_sources, local_processor_charge, local_processor_source;
