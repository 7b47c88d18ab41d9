-- Up Migration

-- Issue 9, charge after commit: a charge is recorded 'pending' (its amount, lines, source and the
-- processor key fixed at that moment) and committed before the processor is called; a second
-- transaction settles it ('succeeded' with its ledger transfers, or 'failed'). A reconciler re-drives
-- pending charges left by a crash or a lost answer, with the same processor key.
ALTER TABLE sales_transactions DROP CONSTRAINT sales_transactions_status_check;
ALTER TABLE sales_transactions ADD CONSTRAINT sales_transactions_status_check
    CHECK (status IN ('pending', 'succeeded', 'failed'));
ALTER TABLE sales_transactions
    ADD COLUMN processor_key text,
    -- Sources still to try, in order, when the current one declines (R4.2: the cycle's secondary).
    ADD COLUMN fallback_source_ids uuid[] NOT NULL DEFAULT '{}',
    -- Server time (not the business clock) when the charge became pending, settled, and when the
    -- change it pays for committed: the reconciler and the per-account wait read these.
    ADD COLUMN pending_since timestamptz,
    ADD COLUMN settled_at timestamptz,
    ADD COLUMN applied_at timestamptz;
UPDATE sales_transactions SET settled_at = created_at, applied_at = created_at;
CREATE INDEX sales_transactions_in_flight ON sales_transactions (billing_account_id)
    WHERE status = 'pending' OR (status = 'succeeded' AND applied_at IS NULL);
CREATE INDEX sales_transactions_pending ON sales_transactions (pending_since) WHERE status = 'pending';

-- Down Migration

DROP INDEX sales_transactions_pending, sales_transactions_in_flight;
ALTER TABLE sales_transactions DROP COLUMN processor_key, DROP COLUMN fallback_source_ids,
    DROP COLUMN pending_since, DROP COLUMN settled_at, DROP COLUMN applied_at;
DELETE FROM sales_transaction_lines l USING sales_transactions t WHERE l.transaction_id = t.id AND t.status = 'pending';
DELETE FROM sales_transactions WHERE status = 'pending';
ALTER TABLE sales_transactions DROP CONSTRAINT sales_transactions_status_check;
ALTER TABLE sales_transactions ADD CONSTRAINT sales_transactions_status_check CHECK (status IN ('succeeded', 'failed'));
