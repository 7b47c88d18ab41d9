/**
 * Who is calling. Every request is bound to one company (a Salesforce org) and one
 * Salesforce user before any use case runs; repositories are always scoped by `orgId`.
 */
export interface Caller {
    /** 18-character Salesforce org id: the company. */
    orgId: string;
    /** 18-character Salesforce user id. */
    userId: string;
}

/** Proves the caller of one HTTP request (a signed JWT in production, see service/src/salesforce). */
export interface Authenticator {
    authenticate(headers: Record<string, string | string[] | undefined>): Promise<Caller>;
}

export interface DirectoryUser {
    id: string;
    name: string;
    email: string;
    active: boolean;
    /** Modify All Data (directly, through a permission set, or the System Administrator profile). */
    isAdmin: boolean;
}

/** The org's users and their admin rights: Salesforce through jsforce, or a local directory. */
export interface UserDirectory {
    getUser(orgId: string, userId: string): Promise<DirectoryUser | undefined>;
    listUsers(orgId: string): Promise<DirectoryUser[]>;
}
