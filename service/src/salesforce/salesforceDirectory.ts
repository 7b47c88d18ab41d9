import { Connection, type HttpRequest, type StreamPromise } from 'jsforce';
import type { Pool } from '../db/pool';
import type { Clock } from '../kernel/clock';
import type { DirectoryUser, UserDirectory } from '../kernel/caller';
import { serviceError, type ServiceError } from '../kernel/serviceError';
import { findOrgRegistration } from './orgRegistrationRepository';
import { toSalesforceId18 } from './salesforceId';
import type { TokenCipher } from './tokenCipher';

export const SALESFORCE_API_VERSION = '62.0';
export const DIRECTORY_CACHE_TTL_MS = 60_000;

/** The connected app the install step authorised (one for every org). */
export interface SalesforceOAuthClient {
    clientId: string;
    clientSecret: string;
    redirectUri?: string;
}

export interface SalesforceDirectoryOptions {
    pool: Pool;
    cipher: TokenCipher;
    oauth: SalesforceOAuthClient;
    clock: Clock;
    cacheTtlMs?: number;
}

interface UserRecord {
    Id: string;
    Name: string;
    Email: string | null;
    IsActive: boolean;
}

interface CacheEntry<T> {
    value: T;
    expiresAt: number;
}

/**
 * The org's users and admin rights, asked of Salesforce through jsforce with the OAuth refresh
 * token of the install step. Admin = active AND Modify All Data through a
 * PermissionSetAssignment (profiles are profile-owned permission sets, so System Administrator
 * counts). Answers are cached briefly. Ids are validated before any SOQL is built.
 */
export class SalesforceDirectory implements UserDirectory {
    private readonly connections = new Map<string, DirectoryConnection>();
    private readonly users = new Map<string, CacheEntry<DirectoryUser | undefined>>();
    private readonly lists = new Map<string, CacheEntry<DirectoryUser[]>>();
    private readonly ttlMs: number;

    constructor(private readonly options: SalesforceDirectoryOptions) {
        this.ttlMs = options.cacheTtlMs ?? DIRECTORY_CACHE_TTL_MS;
    }

    async getUser(orgId: string, userId: string): Promise<DirectoryUser | undefined> {
        const org = requireId(orgId, 'organization');
        const user = requireId(userId, 'user');
        const cacheKey = `${org}/${user}`;
        const cached = this.fresh(this.users.get(cacheKey));
        if (cached !== undefined) return cached.value;
        // Safe to quote: `user` is a checked 18-character id (letters and digits only).
        const [userRecords, adminAssignments] = await Promise.all([
            this.query<UserRecord>(
                org,
                `SELECT Id, Name, Email, IsActive FROM User WHERE Id = '${user}' AND UserType = 'Standard' LIMIT 1`
            ),
            this.query<{ Id: string }>(
                org,
                `SELECT Id FROM PermissionSetAssignment WHERE AssigneeId = '${user}' AND PermissionSet.PermissionsModifyAllData = true LIMIT 1`
            )
        ]);
        const record = userRecords[0];
        const value = record === undefined ? undefined : toDirectoryUser(record, adminAssignments.length > 0);
        this.users.set(cacheKey, { value, expiresAt: this.expiry() });
        return value;
    }

    async listUsers(orgId: string): Promise<DirectoryUser[]> {
        const org = requireId(orgId, 'organization');
        const cached = this.fresh(this.lists.get(org));
        if (cached !== undefined) return cached.value;
        const [userRecords, adminAssignments] = await Promise.all([
            this.query<UserRecord>(
                org,
                "SELECT Id, Name, Email, IsActive FROM User WHERE UserType = 'Standard' ORDER BY Name"
            ),
            this.query<{ AssigneeId: string }>(
                org,
                'SELECT AssigneeId FROM PermissionSetAssignment WHERE PermissionSet.PermissionsModifyAllData = true'
            )
        ]);
        const admins = new Set(
            adminAssignments.map((assignment) => toSalesforceId18(assignment.AssigneeId, 'user'))
        );
        const value = userRecords.map((record) =>
            toDirectoryUser(record, admins.has(toSalesforceId18(record.Id, 'user')))
        );
        const expiresAt = this.expiry();
        this.lists.set(org, { value, expiresAt });
        for (const user of value) this.users.set(`${org}/${user.id}`, { value: user, expiresAt });
        return value;
    }

    /** Drops an org's connection and answers, e.g. after its registration changed. */
    forget(orgId: string): void {
        this.connections.delete(orgId);
        this.lists.delete(orgId);
        for (const key of this.users.keys()) if (key.startsWith(`${orgId}/`)) this.users.delete(key);
    }

    private async connectionFor(orgId: string): Promise<DirectoryConnection> {
        const existing = this.connections.get(orgId);
        if (existing !== undefined) return existing;
        const registration = await findOrgRegistration(this.options.pool, orgId);
        if (registration?.refreshTokenEncrypted === undefined) {
            throw notConnected('PowerDialer Billing has no Salesforce connection for this org yet.');
        }
        const connection = new DirectoryConnection({
            oauth2: { ...this.options.oauth, loginUrl: registration.instanceUrl },
            instanceUrl: registration.instanceUrl,
            refreshToken: this.options.cipher.decrypt(registration.refreshTokenEncrypted, orgId),
            version: SALESFORCE_API_VERSION
        });
        this.connections.set(orgId, connection);
        return connection;
    }

    private async query<T extends object>(orgId: string, soql: string): Promise<T[]> {
        const connection = await this.connectionFor(orgId);
        try {
            const result = await connection.query<T>(soql, { autoFetch: true, maxFetch: 100_000 });
            return result.records;
        } catch (error) {
            if (connection.refreshTokenRefused) {
                this.connections.delete(orgId);
                throw notConnected(
                    'Salesforce refused the stored authorisation (it was revoked or expired).',
                    error
                );
            }
            throw withCause(
                serviceError(
                    'salesforce_unavailable',
                    'Salesforce cannot be reached right now. Try again in a few minutes.'
                ),
                error
            );
        }
    }

    private fresh<T>(entry: CacheEntry<T> | undefined): CacheEntry<T> | undefined {
        return entry !== undefined && entry.expiresAt > this.options.clock.now().getTime()
            ? entry
            : undefined;
    }

    private expiry(): number {
        return this.options.clock.now().getTime() + this.ttlMs;
    }
}

/**
 * jsforce retries a failing call five times over ~15 s by default; an admin waiting on a panel
 * should hear "Salesforce is unavailable" sooner. And jsforce's own refresh function rewraps the
 * OAuth error, so this one remembers when Salesforce refused the refresh token itself.
 */
class DirectoryConnection extends Connection {
    refreshTokenRefused = false;

    constructor(config: ConstructorParameters<typeof Connection>[0]) {
        super({ ...config, refreshFn: refreshAccessToken });
    }

    override request<R = unknown>(request: string | HttpRequest, options?: object): StreamPromise<R> {
        return super.request<R>(request, {
            retry: { maxRetries: 2, minTimeout: 200, timeoutFactor: 2 },
            timeout: 10_000,
            ...options
        });
    }
}

function refreshAccessToken(
    connection: Connection,
    callback: (error: Error | null, token?: string) => void
): void {
    connection.oauth2.refreshToken(connection.refreshToken ?? '').then(
        (response) => {
            callback(null, response.access_token);
        },
        (error: unknown) => {
            const refused = error instanceof Error && error.name === 'invalid_grant';
            if (refused && connection instanceof DirectoryConnection) connection.refreshTokenRefused = true;
            callback(error instanceof Error ? error : new Error(String(error)));
        }
    );
}

function requireId(value: string, kind: 'organization' | 'user'): string {
    const id = toSalesforceId18(value, kind);
    if (id === undefined) {
        throw serviceError(
            'invalid_salesforce_id',
            `"${value.slice(0, 40)}" is not a Salesforce ${kind} id.`
        );
    }
    return id;
}

function toDirectoryUser(record: UserRecord, hasModifyAllData: boolean): DirectoryUser {
    return {
        id: toSalesforceId18(record.Id, 'user') ?? record.Id,
        name: record.Name,
        email: record.Email ?? '',
        active: record.IsActive,
        isAdmin: record.IsActive && hasModifyAllData
    };
}

function notConnected(reason: string, cause?: unknown): ServiceError {
    const message = `${reason} An administrator must connect PowerDialer Billing to Salesforce again (the install step).`;
    return withCause(serviceError('salesforce_not_connected', message), cause);
}

/** Keeps what jsforce said for the logs; the caller's answer stays `{ code, message }`. */
function withCause(error: ServiceError, cause: unknown): ServiceError {
    error.cause = cause;
    return error;
}
