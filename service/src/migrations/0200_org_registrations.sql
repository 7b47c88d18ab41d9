-- Up Migration

-- Issue 4: each Salesforce org (company) that installed the package registers the public key
-- its External Credential signs JWTs with, the audience they carry, and the OAuth refresh
-- token the service uses to read the org's users (AES-256-GCM, key from configuration).
CREATE TABLE org_registrations (
    org_id char(18) PRIMARY KEY CHECK (org_id ~ '^00D[a-zA-Z0-9]{15}$'),
    -- SPKI public key or X.509 certificate (PEM), or a JWKS document: exactly one of them.
    public_key_pem text,
    jwks jsonb,
    audience text NOT NULL CHECK (audience <> ''),
    instance_url text NOT NULL CHECK (instance_url ~ '^https?://'),
    refresh_token_encrypted text,
    registered_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CHECK ((public_key_pem IS NULL) <> (jwks IS NULL))
);

-- Every accepted JWT id, until the token expires: a second use of the same id is a replay.
-- The primary key makes the check hold across several servers sharing this database.
CREATE TABLE seen_token_ids (
    org_id char(18) NOT NULL,
    jti text NOT NULL CHECK (length(jti) BETWEEN 1 AND 200),
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (org_id, jti)
);
CREATE INDEX seen_token_ids_expiry ON seen_token_ids (expires_at);

-- Down Migration

DROP TABLE seen_token_ids;
DROP TABLE org_registrations;
