-- Up Migration

-- Issue 12: an admin's "Connect" from the billing page, between the redirect to Salesforce and
-- Salesforce's callback (ten minutes at most, used once). Only hashes of the state and of the
-- browser's cookie are kept; the PKCE verifier is useless without the code Salesforce returns.
CREATE TABLE salesforce_connect_attempts (
    state_hash text PRIMARY KEY,
    browser_hash text NOT NULL,
    code_verifier text NOT NULL CHECK (length(code_verifier) BETWEEN 43 AND 128),
    -- The org the billing page asked for (from its token), when known: Salesforce must agree.
    org_id char(18) CHECK (org_id ~ '^00D[a-zA-Z0-9]{15}$'),
    certificate_name text NOT NULL CHECK (certificate_name ~ '^[A-Za-z][A-Za-z0-9_]{0,79}$'),
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX salesforce_connect_attempts_expiry ON salesforce_connect_attempts (expires_at);

-- Down Migration

DROP TABLE salesforce_connect_attempts;
