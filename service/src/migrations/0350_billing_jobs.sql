-- Up Migration

-- R4.1 R4.2: one row per (account, cycle month) being collected; the dunning state the admin sees.
-- 'collecting' waits for next_attempt_at (or, after a hard decline, for a new funding source);
-- 'paid' ends it; 'past_due' after the schedule is exhausted.
CREATE TABLE cycle_collections (
    billing_account_id uuid NOT NULL REFERENCES billing_accounts (id),
    period text NOT NULL,
    status text NOT NULL CHECK (status IN ('collecting', 'paid', 'past_due')),
    attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    first_declined_at timestamptz,
    last_attempt_at timestamptz,
    last_decline_code text,
    last_decline_message text,
    -- A hard decline (stolen, closed...) is not retried until a funding source is added or changed.
    waiting_for_new_source boolean NOT NULL DEFAULT false,
    next_attempt_at timestamptz,
    transaction_id uuid,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (billing_account_id, period)
);
CREATE INDEX cycle_collections_due ON cycle_collections (next_attempt_at) WHERE status = 'collecting';

-- One row per charge attempt of a cycle, committed before the processor is called: its key is
-- fixed then, and a lost answer is retried with the same key (one logical charge, one key).
CREATE TABLE cycle_attempts (
    billing_account_id uuid NOT NULL,
    period text NOT NULL,
    attempt integer NOT NULL CHECK (attempt > 0),
    idempotency_key text NOT NULL,
    status text NOT NULL CHECK (status IN ('pending', 'succeeded', 'declined')),
    started_at timestamptz NOT NULL,
    settled_at timestamptz,
    PRIMARY KEY (billing_account_id, period, attempt),
    FOREIGN KEY (billing_account_id, period) REFERENCES cycle_collections (billing_account_id, period)
);

-- R5.4 Lago's guards: one row per recharge, 'pending' while in flight (it counts toward the
-- balance), committed before the processor is called, with a key that never changes.
CREATE TABLE minute_recharges (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    billing_account_id uuid NOT NULL REFERENCES billing_accounts (id),
    status text NOT NULL CHECK (status IN ('pending', 'succeeded', 'declined')),
    amount_cents bigint NOT NULL CHECK (amount_cents > 0),
    funding_source_id uuid NOT NULL REFERENCES funding_sources (id),
    idempotency_key text NOT NULL UNIQUE,
    decline_code text,
    created_at timestamptz NOT NULL,
    settled_at timestamptz
);
CREATE INDEX minute_recharges_account ON minute_recharges (billing_account_id, created_at);

-- Notices to the billing administrator through an outbox: each once (notice_key), sent after
-- commit by a queue job; the recipient's address is looked up when sending, outside any transaction.
CREATE TABLE notices (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    billing_account_id uuid NOT NULL REFERENCES billing_accounts (id),
    notice_key text NOT NULL,
    kind text NOT NULL,
    org_id text NOT NULL,
    to_user_id text,
    subject text NOT NULL,
    text_body text NOT NULL,
    html_body text NOT NULL,
    status text NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'no_recipient')),
    attempts integer NOT NULL DEFAULT 0,
    failure_reason text,
    created_at timestamptz NOT NULL,
    claimed_at timestamptz,
    sent_at timestamptz,
    UNIQUE (billing_account_id, notice_key)
);
CREATE INDEX notices_unsent ON notices (created_at) WHERE status IN ('pending', 'sending', 'failed');

-- Down Migration
DROP TABLE notices;
DROP TABLE minute_recharges;
DROP TABLE cycle_attempts;
DROP TABLE cycle_collections;
