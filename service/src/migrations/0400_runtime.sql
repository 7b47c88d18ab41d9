-- Up Migration

-- R10.1: runtime API keys of the dialer platform's servers. Only the SHA-256 of the secret is kept
-- (the secret is 256 random bits, shown once). A key reaches runtime routes only; two keys may be
-- valid at once, so a key is rotated by creating the new one, deploying it, then revoking the old.
CREATE TABLE runtime_keys (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 100),
    scope text NOT NULL DEFAULT 'runtime' CHECK (scope = 'runtime'),
    secret_sha256 text NOT NULL UNIQUE CHECK (secret_sha256 ~ '^[0-9a-f]{64}$'),
    created_at timestamptz NOT NULL,
    revoked_at timestamptz
);

-- R10.2: a lease's id is chosen by the dialer (a retry of the same acquire finds the same lease);
-- `purpose` is 'seat' or the port's use; a released lease keeps its row (a late retry of its
-- acquire must not take a second seat) with expires_at moved back to the release.
ALTER TABLE runtime_leases
    ADD COLUMN purpose text NOT NULL DEFAULT 'seat'
        CHECK (purpose IN ('seat', 'voicemail', 'inbound', 'recording', 'fax')),
    ADD COLUMN renewed_at timestamptz,
    ADD COLUMN released_at timestamptz;
-- Open leases only (live, or expired but not yet reaped): what acquire counts and reaps.
CREATE INDEX runtime_leases_open ON runtime_leases (billing_account_id, license_code, expires_at)
    WHERE released_at IS NULL;

-- How often people were refused a seat or a port (the Products panel's signal to buy more).
CREATE TABLE runtime_refusals (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    billing_account_id uuid NOT NULL REFERENCES billing_accounts (id),
    license_code text NOT NULL,
    code text NOT NULL,
    user_id char(18) NOT NULL,
    refused_at timestamptz NOT NULL
);
CREATE INDEX runtime_refusals_account_time ON runtime_refusals (billing_account_id, refused_at);

-- R10.3: each metered event carries the dialer's id and counts once per account, whatever batch
-- it arrives in. Old rows (before this migration) have no event id; NULLs never conflict.
ALTER TABLE minute_usage ADD COLUMN event_id text CHECK (length(event_id) BETWEEN 1 AND 200),
    ADD COLUMN user_id char(18);
CREATE UNIQUE INDEX minute_usage_event_once ON minute_usage (billing_account_id, event_id);
-- A batch inserts its new events first (ON CONFLICT DO NOTHING tells which are new), then posts
-- one ledger transfer for their total: the reference is checked at commit.
ALTER TABLE minute_usage ALTER CONSTRAINT minute_usage_ledger_transfer_id_fkey DEFERRABLE INITIALLY DEFERRED;

-- R5.3: whether the account's balance was last seen below its recharge threshold. A metering batch
-- that flips it to true is the one crossing that wakes the recharge (once, across processes).
CREATE TABLE runtime_recharge_watch (
    billing_account_id uuid PRIMARY KEY REFERENCES billing_accounts (id),
    below_threshold boolean NOT NULL,
    changed_at timestamptz NOT NULL
);

/*
 * R2.3, R2.6, R10.2: grant one lease from the first pool of `pools` with a free place, never more
 * than the pool's quantity, under any concurrency and across service processes. Per (account,
 * pool) an advisory lock serialises grants; in READ COMMITTED each statement below takes a new
 * snapshot after the lock, so the count sees every grant committed before. Leases found expired
 * are reaped (released) under the same lock, so a late renewal cannot bring one back after its
 * place was given away. A lease id seen before answers that lease (an idempotent retry).
 * Answers {outcome: 'granted'|'existing'|'conflict'|'refused', license, expiresAt, pools:[…]}.
 */
CREATE FUNCTION runtime_take_lease(
    p_lease_id uuid,
    p_account_id uuid,
    p_user_id text,
    p_purpose text,
    p_pools text[],
    p_now timestamptz,
    p_ttl_seconds integer
) RETURNS jsonb LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    v_pool text;
    v_quantity integer;
    v_in_use integer;
    v_counts jsonb := '[]'::jsonb;
    v_existing runtime_leases%ROWTYPE;
    v_found boolean;
    v_holds_seat boolean;
BEGIN
    FOREACH v_pool IN ARRAY p_pools LOOP
        PERFORM pg_advisory_xact_lock(hashtext('runtime_lease'), hashtext(p_account_id::text || ':' || v_pool));
        SELECT * INTO v_existing FROM runtime_leases WHERE id = p_lease_id;
        v_found := FOUND;
        IF v_found AND v_existing.billing_account_id = p_account_id THEN
            SELECT coalesce(max(quantity), 0) INTO v_quantity FROM license_quantities
                WHERE billing_account_id = p_account_id AND license_code = v_existing.license_code;
            SELECT CASE WHEN p_purpose = 'seat' THEN count(DISTINCT user_id) ELSE count(*) END
                INTO v_in_use FROM runtime_leases
                WHERE billing_account_id = p_account_id AND license_code = v_existing.license_code
                  AND released_at IS NULL AND expires_at > p_now;
            v_counts := jsonb_build_array(jsonb_build_object(
                'license', v_existing.license_code, 'inUse', v_in_use, 'quantity', v_quantity));
        END IF;
        IF v_found THEN
            -- Another account's lease is never described: only that the id is taken.
            RETURN jsonb_build_object(
                'outcome', CASE WHEN v_existing.billing_account_id = p_account_id
                    AND v_existing.user_id = p_user_id AND v_existing.purpose = p_purpose
                    THEN 'existing' ELSE 'conflict' END,
                'license', v_existing.license_code,
                'expiresAt', v_existing.expires_at,
                'released', v_existing.released_at IS NOT NULL OR v_existing.expires_at <= p_now,
                'pools', v_counts);
        END IF;
        UPDATE runtime_leases SET released_at = p_now
            WHERE billing_account_id = p_account_id AND license_code = v_pool
              AND released_at IS NULL AND expires_at <= p_now;
        SELECT coalesce(max(quantity), 0) INTO v_quantity FROM license_quantities
            WHERE billing_account_id = p_account_id AND license_code = v_pool;
        -- A seat is a user's (R2.3: at most `quantity` users at once; a second window of the same
        -- user takes no second seat); a port is a call's.
        SELECT CASE WHEN p_purpose = 'seat' THEN count(DISTINCT user_id) ELSE count(*) END,
               coalesce(bool_or(user_id = p_user_id), false) AND p_purpose = 'seat'
            INTO v_in_use, v_holds_seat FROM runtime_leases
            WHERE billing_account_id = p_account_id AND license_code = v_pool
              AND released_at IS NULL AND expires_at > p_now;
        IF v_in_use < v_quantity OR v_holds_seat THEN
            INSERT INTO runtime_leases (id, billing_account_id, license_code, user_id, purpose, acquired_at, expires_at)
                VALUES (p_lease_id, p_account_id, v_pool, p_user_id, p_purpose, p_now,
                        p_now + make_interval(secs => p_ttl_seconds))
                ON CONFLICT (id) DO NOTHING;
            -- The same id taken at this instant for another pool (another lock): not this lease.
            IF NOT FOUND THEN
                RETURN jsonb_build_object('outcome', 'conflict');
            END IF;
            RETURN jsonb_build_object(
                'outcome', 'granted', 'license', v_pool,
                'expiresAt', p_now + make_interval(secs => p_ttl_seconds),
                'pools', v_counts || jsonb_build_array(jsonb_build_object(
                    'license', v_pool, 'inUse', v_in_use + CASE WHEN v_holds_seat THEN 0 ELSE 1 END,
                    'quantity', v_quantity)));
        END IF;
        v_counts := v_counts || jsonb_build_array(jsonb_build_object(
            'license', v_pool, 'inUse', v_in_use, 'quantity', v_quantity));
    END LOOP;
    INSERT INTO runtime_refusals (billing_account_id, license_code, code, user_id, refused_at)
        VALUES (p_account_id, p_pools[array_upper(p_pools, 1)],
                CASE WHEN p_purpose = 'seat' THEN 'pool_exhausted' ELSE 'insufficient_ports' END,
                p_user_id, p_now);
    RETURN jsonb_build_object('outcome', 'refused', 'pools', v_counts);
END;
$$;

-- Down Migration
DROP FUNCTION runtime_take_lease;
DROP TABLE runtime_recharge_watch, runtime_refusals, runtime_keys;
ALTER TABLE minute_usage ALTER CONSTRAINT minute_usage_ledger_transfer_id_fkey NOT DEFERRABLE;
DROP INDEX minute_usage_event_once;
ALTER TABLE minute_usage DROP COLUMN event_id, DROP COLUMN user_id;
DROP INDEX runtime_leases_open;
ALTER TABLE runtime_leases DROP COLUMN purpose, DROP COLUMN renewed_at, DROP COLUMN released_at;
