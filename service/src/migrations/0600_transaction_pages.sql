-- Up Migration

-- R8.2: the transactions panel reads a page at a time, newest first, by keyset on (date, number):
-- one index walk per page however long the range, also with 100,000 transactions.
CREATE INDEX sales_transactions_account_page
    ON sales_transactions (billing_account_id, created_at DESC, number DESC);

-- Down Migration
DROP INDEX sales_transactions_account_page;
