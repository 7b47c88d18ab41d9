-- Up Migration

-- R8.3: receipt e-mail through an outbox. The request records the mail ('pending') with its audit
-- row and Idempotency-Key in one transaction; it is sent after commit and marked 'sent', or
-- 'failed' with the reason (a retry with the same key sends it then). 'sending' is a claim: one
-- request at a time sends a given mail. Rows written before this migration were all sent.
ALTER TABLE receipt_emails
    ADD COLUMN status text NOT NULL DEFAULT 'sent'
        CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    ADD COLUMN failure_reason text,
    ADD COLUMN attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    ADD COLUMN created_at timestamptz,
    ADD COLUMN claimed_at timestamptz,
    ALTER COLUMN sent_at DROP NOT NULL;
ALTER TABLE receipt_emails ALTER COLUMN status DROP DEFAULT;
ALTER TABLE receipt_emails ADD CONSTRAINT receipt_emails_sent_at CHECK ((status = 'sent') = (sent_at IS NOT NULL));

-- Down Migration
ALTER TABLE receipt_emails DROP CONSTRAINT receipt_emails_sent_at;
DELETE FROM receipt_emails WHERE status <> 'sent';
ALTER TABLE receipt_emails
    DROP COLUMN status,
    DROP COLUMN failure_reason,
    DROP COLUMN attempts,
    DROP COLUMN created_at,
    DROP COLUMN claimed_at,
    ALTER COLUMN sent_at SET NOT NULL;
