-- Up Migration

-- A metered batch that rates to $0.00 (calls that never connected) moves no money: it has no transfer.
ALTER TABLE minute_usage ALTER COLUMN ledger_transfer_id DROP NOT NULL;

-- Down Migration
ALTER TABLE minute_usage ALTER COLUMN ledger_transfer_id SET NOT NULL;
