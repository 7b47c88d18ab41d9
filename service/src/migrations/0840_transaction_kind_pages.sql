-- Up Migration

-- R8.2: the kind filter of the transactions panel. A kind that is rare in a long range (credits
-- among 100,000 purchases) is found through this index (with the cycle bills, kind 'cycle', as a
-- second arm of a bitmap OR) instead of walking the whole range in the page index.
CREATE INDEX sales_transactions_account_kind_page
    ON sales_transactions (billing_account_id, kind, created_at DESC, number DESC);

-- Down Migration
DROP INDEX sales_transactions_account_kind_page;
