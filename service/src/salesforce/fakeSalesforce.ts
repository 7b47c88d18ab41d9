import { createHash, randomBytes } from 'node:crypto';
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
    /** A refresh token the org already issued (the operator's install step). */
    refreshToken?: string;
    /** Records per query page, to make jsforce follow nextRecordsUrl. */
    pageSize?: number;
    /** The connected app: authorize and token requests must name it. */
    clientId?: string;
    clientSecret?: string;
    /** Certificate and Key Management: unique name → certificate PEM (Metadata API readMetadata). */
    certificates?: Record<string, string>;
}

/** One authorization code, as the authorize endpoint handed it out (single use). */
interface IssuedCode {
    userId: string;
    redirectUri: string;
    codeChallenge: string;
}

/**
 * Test double of a Salesforce org on 127.0.0.1, answering the shapes the service sends: the
 * OAuth authorize endpoint (web-server flow with PKCE: a 302 back to redirect_uri with code and
 * state, as after the user logged in and allowed access), the token endpoint (authorization_code
 * with code_verifier, and refresh_token grants), SOQL query with nextRecordsUrl paging, the
 * Metadata API's readMetadata of a Certificate (SOAP), and the INVALID_SESSION_ID answers of an
 * expired access token. It records every SOQL it receives.
 */
export class FakeSalesforce {
    readonly queries: string[] = [];
    refreshCount = 0;
    /** When set, every request is answered with this status (e.g. 503 during maintenance). */
    failWith: number | undefined;
    /** The user who signs in on the authorize page; `deny` plays "Deny" on the consent screen. */
    signedInUserId: string | undefined;
    deny = false;
    /** Every refresh token issued (and not revoked), newest last. */
    readonly refreshTokens: string[] = [];
    private readonly codes = new Map<string, IssuedCode>();
    private readonly certificates: Map<string, string | undefined>;
    private accessToken = 'none-yet';
    private tokenSerial = 0;
    private readonly pages = new Map<string, { records: object[]; totalSize: number }>();
    private server: Server | undefined;
    url = '';

    constructor(private readonly options: FakeSalesforceOptions) {
        if (options.refreshToken !== undefined) this.refreshTokens.push(options.refreshToken);
        this.certificates = new Map(Object.entries(options.certificates ?? {}));
    }

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

    /** The org's certificate named `name` is replaced (or created, or deleted when undefined). */
    setCertificate(name: string, pem: string | undefined): void {
        this.certificates.set(name, pem);
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
        if (request.method === 'GET' && url.pathname === '/services/oauth2/authorize') {
            this.authorize(url.searchParams, response);
            return;
        }
        if (request.method === 'POST' && url.pathname === '/services/oauth2/token') {
            this.token(body, response);
            return;
        }
        if (request.method === 'POST' && /^\/services\/Soap\/m\/\d+\.\d$/.test(url.pathname)) {
            this.metadata(body, response);
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

    /** The user signed in and allowed access: back to the app with a code (or the denial). */
    private authorize(params: URLSearchParams, response: ServerResponse): void {
        const redirectUri = params.get('redirect_uri') ?? '';
        const challenge = params.get('code_challenge') ?? '';
        const clientOk =
            this.options.clientId === undefined || params.get('client_id') === this.options.clientId;
        if (params.get('response_type') !== 'code' || !clientOk || !/^https?:\/\//.test(redirectUri)) {
            send(response, 400, {
                error: 'invalid_request',
                error_description: 'invalid client or redirect_uri'
            });
            return;
        }
        const back = new URL(redirectUri);
        const state = params.get('state');
        if (state !== null) back.searchParams.set('state', state);
        const userId = this.signedInUserId;
        if (this.deny || userId === undefined) {
            back.searchParams.set('error', 'access_denied');
            back.searchParams.set('error_description', 'end-user denied authorization');
        } else {
            const code = `aPrx${randomBytes(24).toString('base64url')}`;
            this.codes.set(code, { userId, redirectUri, codeChallenge: challenge });
            back.searchParams.set('code', code);
        }
        response.writeHead(302, { location: back.toString() });
        response.end();
    }

    private token(body: string, response: ServerResponse): void {
        const form = new URLSearchParams(body);
        const clientOk =
            (this.options.clientId === undefined || form.get('client_id') === this.options.clientId) &&
            (this.options.clientSecret === undefined ||
                form.get('client_secret') === this.options.clientSecret);
        if (!clientOk) {
            send(response, 400, { error: 'invalid_client', error_description: 'invalid client credentials' });
            return;
        }
        if (form.get('grant_type') === 'authorization_code') {
            this.exchangeCode(form, response);
            return;
        }
        const refreshToken = form.get('refresh_token') ?? '';
        if (form.get('grant_type') !== 'refresh_token' || !this.refreshTokens.includes(refreshToken)) {
            send(response, 400, {
                error: 'invalid_grant',
                error_description: 'expired access/refresh token'
            });
            return;
        }
        this.refreshCount++;
        send(response, 200, this.newAccessToken('005000000000001AAA'));
    }

    /** Web-server flow: the code once, from the same redirect_uri, with the PKCE verifier. */
    private exchangeCode(form: URLSearchParams, response: ServerResponse): void {
        const code = form.get('code') ?? '';
        const issued = this.codes.get(code);
        this.codes.delete(code);
        const verifier = form.get('code_verifier') ?? '';
        const challenge = createHash('sha256').update(verifier).digest('base64url');
        if (issued === undefined || issued.redirectUri !== form.get('redirect_uri')) {
            send(response, 400, { error: 'invalid_grant', error_description: 'authentication failure' });
            return;
        }
        if (issued.codeChallenge !== challenge) {
            send(response, 400, { error: 'invalid_grant', error_description: 'invalid code verifier' });
            return;
        }
        const refreshToken = `5Aep861${randomBytes(24).toString('base64url')}`;
        this.refreshTokens.push(refreshToken);
        send(response, 200, {
            ...this.newAccessToken(issued.userId),
            refresh_token: refreshToken,
            scope: 'api refresh_token'
        });
    }

    private newAccessToken(userId: string): Record<string, string> {
        this.tokenSerial++;
        this.accessToken = `access-${this.tokenSerial}`;
        return {
            access_token: this.accessToken,
            instance_url: this.url,
            id: `${this.url}/id/${this.options.orgId}/${userId}`,
            token_type: 'Bearer',
            issued_at: String(Date.now()),
            signature: 'fake'
        };
    }

    /** Metadata API (SOAP): readMetadata of Certificate components, the session in the header. */
    private metadata(body: string, response: ServerResponse): void {
        const sessionId = /<sessionId>([^<]*)<\/sessionId>/.exec(body)?.[1];
        if (sessionId !== this.accessToken) {
            sendXml(
                response,
                500,
                '<soapenv:Fault><faultcode>sf:INVALID_SESSION_ID</faultcode><faultstring>INVALID_SESSION_ID: Invalid Session ID found in SessionHeader: Illegal Session</faultstring></soapenv:Fault>'
            );
            return;
        }
        const type = /<type>([^<]*)<\/type>/.exec(body)?.[1];
        const names = [...body.matchAll(/<fullNames>([^<]*)<\/fullNames>/g)].map((match) => match[1] ?? '');
        if (!body.includes('<readMetadata>') || type !== 'Certificate') {
            sendXml(
                response,
                500,
                `<soapenv:Fault><faultcode>sf:INVALID_TYPE</faultcode><faultstring>INVALID_TYPE: this fake reads Certificate only, not ${type ?? '?'}</faultstring></soapenv:Fault>`
            );
            return;
        }
        const records = names.map((name) => this.certificateRecord(name)).join('');
        sendXml(response, 200, `<readMetadataResponse><result>${records}</result></readMetadataResponse>`);
    }

    private certificateRecord(name: string): string {
        const pem = this.certificates.get(name);
        if (pem === undefined) return '<records xsi:nil="true"/>';
        return [
            '<records xsi:type="Certificate">',
            `<fullName>${name}</fullName>`,
            '<caSigned>false</caSigned>',
            `<content>${Buffer.from(pem).toString('base64')}</content>`,
            '<encryptedWithPlatformEncryption>false</encryptedWithPlatformEncryption>',
            '<expirationDate>2027-12-01T00:00:00.000Z</expirationDate>',
            '<keySize>2048</keySize>',
            `<masterLabel>${name.replaceAll('_', ' ')}</masterLabel>`,
            '<privateKeyExportable>false</privateKeyExportable>',
            '</records>'
        ].join('');
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

function sendXml(response: ServerResponse, status: number, body: string): void {
    response.writeHead(status, { 'content-type': 'text/xml;charset=UTF-8' });
    response.end(
        '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
            `<soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`
    );
}

function send(response: ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' });
    response.end(JSON.stringify(body));
}
