import type { JSONWebKeySet } from 'jose';
import type { Queryable } from '../db/pool';

/** What the service knows about one installed org (table org_registrations). */
export interface OrgRegistration {
    orgId: string;
    /** The External Credential's signing certificate or public key (PEM), when not given as a JWKS. */
    publicKeyPem: string | undefined;
    jwks: JSONWebKeySet | undefined;
    /** The `aud` claim the org's tokens must carry. */
    audience: string;
    /** https://<my-domain>.my.salesforce.com: REST calls and OAuth refresh go there. */
    instanceUrl: string;
    /** Sealed with TokenCipher; undefined until the OAuth install step gave one. */
    refreshTokenEncrypted: string | undefined;
}

interface OrgRegistrationRow {
    org_id: string;
    public_key_pem: string | null;
    jwks: JSONWebKeySet | null;
    audience: string;
    instance_url: string;
    refresh_token_encrypted: string | null;
}

export async function findOrgRegistration(
    db: Queryable,
    orgId: string
): Promise<OrgRegistration | undefined> {
    const { rows } = await db.query<OrgRegistrationRow>(
        `SELECT org_id, public_key_pem, jwks, audience, instance_url, refresh_token_encrypted
           FROM org_registrations WHERE org_id = $1`,
        [orgId]
    );
    const row = rows[0];
    if (row === undefined) return undefined;
    return {
        orgId: row.org_id,
        publicKeyPem: row.public_key_pem ?? undefined,
        jwks: row.jwks ?? undefined,
        audience: row.audience,
        instanceUrl: row.instance_url,
        refreshTokenEncrypted: row.refresh_token_encrypted ?? undefined
    };
}

/**
 * Registers an org, or replaces its key, audience and instance (a new certificate after a
 * rotation). A refresh token left undefined keeps the one already stored.
 */
export async function saveOrgRegistration(
    db: Queryable,
    registration: OrgRegistration,
    now: Date
): Promise<void> {
    await db.query(
        `INSERT INTO org_registrations
             (org_id, public_key_pem, jwks, audience, instance_url, refresh_token_encrypted, registered_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
         ON CONFLICT (org_id) DO UPDATE SET
             public_key_pem = EXCLUDED.public_key_pem,
             jwks = EXCLUDED.jwks,
             audience = EXCLUDED.audience,
             instance_url = EXCLUDED.instance_url,
             refresh_token_encrypted = coalesce(EXCLUDED.refresh_token_encrypted, org_registrations.refresh_token_encrypted),
             updated_at = EXCLUDED.updated_at`,
        [
            registration.orgId,
            registration.publicKeyPem ?? null,
            registration.jwks === undefined ? null : JSON.stringify(registration.jwks),
            registration.audience,
            registration.instanceUrl,
            registration.refreshTokenEncrypted ?? null,
            now
        ]
    );
}

/** Removes the registrations of one issuer (instance URL and audience), e.g. the local issuer's. */
export async function deleteOrgRegistrations(
    db: Queryable,
    issuer: { instanceUrl: string; audience: string }
): Promise<void> {
    await db.query('DELETE FROM org_registrations WHERE instance_url = $1 AND audience = $2', [
        issuer.instanceUrl,
        issuer.audience
    ]);
}
