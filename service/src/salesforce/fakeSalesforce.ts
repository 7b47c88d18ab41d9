import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A user of the fake org, as Salesforce's User object has it. */
export interface FakeSalesforceUser {
    Id: string;
    Name: string;
    Email: string;
    IsActive: boolean;
    /** Holds Modify All Data through a permission set or the profile. */
    modifyAllData: boolean;
}

export interface FakeSalesforceOptions {
    orgId: string;
    users: FakeSalesforceUser[];
    refreshToken: string;
    /** Records per query page, to make jsforce follow nextRecordsUrl. */
    pageSize?: number;
}

/**
 * Test double of a Salesforce org on 127.0.0.1, answering the REST shapes jsforce calls:
 * the OAuth token endpoint (refresh grant), SOQL query with nextRecordsUrl paging, and the
 * INVALID_SESSION_ID 401 of an expired access token. It records every SOQL it receives.
 */
export class FakeSalesforce {
    readonly queries: string[] = [];
    refreshCount = 0;
    /** When set, every request is answered with this status (e.g. 503 during maintenance). */
    failWith: number | undefined;
    private accessToken = 'none-yet';
    private tokenSerial = 0;
    private readonly pages = new Map<string, { records: object[]; totalSize: number }>();
    private server: Server | undefined;
    url = '';

    constructor(private readonly options: FakeSalesforceOptions) {}

    async start(): Promise<this> {
        const server = createServer((request, response) => {
            void this.handle(request, response);
        });
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        this.server = server;
        this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        return this;
    }

    async stop(): Promise<void> {
        const server = this.server;
        if (server === undefined) return;
        server.closeAllConnections();
        await new Promise<void>((resolve) =>
            server.close(() => {
                resolve();
            })
        );
    }

    /** The access token the service holds stops working, as after a session timeout. */
    expireAccessToken(): void {
        this.accessToken = `expired-${this.tokenSerial}`;
    }

    setUser(user: FakeSalesforceUser): void {
        const index = this.options.users.findIndex((existing) => existing.Id === user.Id);
        if (index >= 0) this.options.users[index] = user;
        else this.options.users.push(user);
    }

    private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
        const body = await readBody(request);
        if (this.failWith !== undefined) {
            send(response, this.failWith, { message: 'Service Unavailable' });
            return;
        }
        const url = new URL(request.url ?? '/', this.url);
        if (request.method === 'POST' && url.pathname === '/services/oauth2/token') {
            this.token(body, response);
            return;
        }
        if (request.headers.authorization !== `Bearer ${this.accessToken}`) {
            send(response, 401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
            return;
        }
        const page = /^\/services\/data\/v\d+\.\d\/query\/([\w-]+)$/.exec(url.pathname);
        if (page?.[1] !== undefined) {
            this.nextPage(page[1], response);
            return;
        }
        if (/^\/services\/data\/v\d+\.\d\/query\/?$/.test(url.pathname)) {
            this.query(url.searchParams.get('q') ?? '', response);
            return;
        }
        send(response, 404, [{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }]);
    }

    private token(body: string, response: ServerResponse): void {
        const form = new URLSearchParams(body);
        if (
            form.get('grant_type') !== 'refresh_token' ||
            form.get('refresh_token') !== this.options.refreshToken
        ) {
            send(response, 400, {
                error: 'invalid_grant',
                error_description: 'expired access/refresh token'
            });
            return;
        }
        this.refreshCount++;
        this.tokenSerial++;
        this.accessToken = `access-${this.tokenSerial}`;
        send(response, 200, {
            access_token: this.accessToken,
            instance_url: this.url,
            id: `${this.url}/id/${this.options.orgId}/005000000000001AAA`,
            token_type: 'Bearer',
            issued_at: String(Date.now()),
            signature: 'fake'
        });
    }

    private query(soql: string, response: ServerResponse): void {
        this.queries.push(soql);
        const records = this.select(soql);
        if (records === undefined) {
            send(response, 400, [{ message: `unexpected query: ${soql}`, errorCode: 'MALFORMED_QUERY' }]);
            return;
        }
        const pageSize = this.options.pageSize ?? 2000;
        this.respondWithPage(records, records.length, pageSize, response);
    }

    private nextPage(locator: string, response: ServerResponse): void {
        const rest = this.pages.get(locator);
        if (rest === undefined) {
            send(response, 400, [{ message: 'invalid locator', errorCode: 'INVALID_QUERY_LOCATOR' }]);
            return;
        }
        this.respondWithPage(rest.records, rest.totalSize, this.options.pageSize ?? 2000, response);
    }

    private respondWithPage(
        records: object[],
        totalSize: number,
        pageSize: number,
        response: ServerResponse
    ): void {
        const page = records.slice(0, pageSize);
        const rest = records.slice(pageSize);
        let nextRecordsUrl: string | undefined;
        if (rest.length > 0) {
            const locator = `01gFAKE${this.pages.size}-${totalSize - rest.length}`;
            this.pages.set(locator, { records: rest, totalSize });
            nextRecordsUrl = `/services/data/v62.0/query/${locator}`;
        }
        send(response, 200, { totalSize, done: nextRecordsUrl === undefined, nextRecordsUrl, records: page });
    }

    /** The handful of SOQL shapes the directory sends; undefined for anything else. */
    private select(soql: string): object[] | undefined {
        const users = this.options.users;
        const attributes = (type: string, id: string) => ({
            type,
            url: `/services/data/v62.0/sobjects/${type}/${id}`
        });
        const userRecord = (user: FakeSalesforceUser) => ({
            attributes: attributes('User', user.Id),
            Id: user.Id,
            Name: user.Name,
            Email: user.Email,
            IsActive: user.IsActive
        });
        const userMatch =
            /^SELECT Id, Name, Email, IsActive FROM User WHERE Id = '(\w{18})' AND UserType = 'Standard' LIMIT 1$/.exec(
                soql
            );
        if (userMatch) return users.filter((user) => user.Id === userMatch[1]).map(userRecord);
        if (soql === "SELECT Id, Name, Email, IsActive FROM User WHERE UserType = 'Standard' ORDER BY Name") {
            return [...users].sort((a, b) => a.Name.localeCompare(b.Name)).map(userRecord);
        }
        const adminMatch =
            /^SELECT Id FROM PermissionSetAssignment WHERE AssigneeId = '(\w{18})' AND PermissionSet.PermissionsModifyAllData = true LIMIT 1$/.exec(
                soql
            );
        if (adminMatch) {
            return users
                .filter((user) => user.Id === adminMatch[1] && user.modifyAllData)
                .map((user) => ({
                    attributes: attributes('PermissionSetAssignment', '0Pa' + user.Id.slice(3)),
                    Id: '0Pa' + user.Id.slice(3)
                }));
        }
        if (
            soql ===
            'SELECT AssigneeId FROM PermissionSetAssignment WHERE PermissionSet.PermissionsModifyAllData = true'
        ) {
            return users
                .filter((user) => user.modifyAllData)
                .map((user) => ({
                    attributes: attributes('PermissionSetAssignment', '0Pa' + user.Id.slice(3)),
                    AssigneeId: user.Id
                }));
        }
        return undefined;
    }
}

function readBody(request: IncomingMessage): Promise<string> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
            resolve(Buffer.concat(chunks).toString('utf8'));
        });
        request.on('error', reject);
    });
}

function send(response: ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' });
    response.end(JSON.stringify(body));
}
