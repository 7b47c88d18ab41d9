import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase';
import { FakeSalesforce, type FakeSalesforceUser } from './fakeSalesforce';
import { saveOrgRegistration } from './orgRegistrationRepository';
import { SalesforceDirectory } from './salesforceDirectory';
import { toSalesforceId18 } from './salesforceId';
import { TokenCipher } from './tokenCipher';

const START = new Date('2026-03-10T15:00:00Z').getTime();
const REFRESH_TOKEN = '5Aep861fake.refresh.token';
const OAUTH = { clientId: '3MVG9fake', clientSecret: 'fake-secret' };

function id(body15: string, kind: 'organization' | 'user'): string {
    const value = toSalesforceId18(body15, kind);
    if (value === undefined) throw new Error(`bad test id ${body15}`);
    return value;
}

const ORG = id('00D5g000004AbCd', 'organization');
const ADMIN: FakeSalesforceUser = {
    Id: id('0055g00000AdMin', 'user'),
    Name: 'Ada Admin',
    Email: 'ada@acme.test',
    IsActive: true,
    modifyAllData: true
};
const REP: FakeSalesforceUser = {
    Id: id('0055g00000SaLes', 'user'),
    Name: 'Rex Rep',
    Email: 'rex@acme.test',
    IsActive: true,
    modifyAllData: false
};
const FORMER_ADMIN: FakeSalesforceUser = {
    Id: id('0055g00000FoRmr', 'user'),
    Name: 'Fay Former',
    Email: 'fay@acme.test',
    IsActive: false,
    modifyAllData: true
};

let db: TestDatabase;
let salesforce: FakeSalesforce;
let cipher: TokenCipher;
let now: number;
let directory: SalesforceDirectory;

async function register(orgId: string, instanceUrl: string, refreshToken: string | undefined): Promise<void> {
    await saveOrgRegistration(
        db.pool,
        {
            orgId,
            publicKeyPem: '-----BEGIN PUBLIC KEY-----\nunused\n-----END PUBLIC KEY-----',
            jwks: undefined,
            audience: 'https://billing.powerdialer.test',
            instanceUrl,
            refreshTokenEncrypted:
                refreshToken === undefined ? undefined : cipher.encrypt(refreshToken, orgId)
        },
        new Date(START)
    );
}

async function closedPortUrl(): Promise<string> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    await new Promise<void>((resolve) =>
        server.close(() => {
            resolve();
        })
    );
    if (address === null || typeof address === 'string') throw new Error('no port');
    return `http://127.0.0.1:${address.port}`;
}

beforeAll(async () => {
    db = await createTestDatabase();
    cipher = new TokenCipher(randomBytes(32).toString('base64'));
    salesforce = await new FakeSalesforce({
        orgId: ORG,
        users: [
            ADMIN,
            REP,
            FORMER_ADMIN,
            ...['Bo', 'Cy', 'Di'].map((name, i) => ({
                Id: id(`0055g00000User${i}`, 'user'),
                Name: `${name} User`,
                Email: `${name}@acme.test`,
                IsActive: true,
                modifyAllData: false
            }))
        ],
        refreshToken: REFRESH_TOKEN,
        pageSize: 2
    }).start();
    await register(ORG, salesforce.url, REFRESH_TOKEN);
});

beforeEach(() => {
    now = START;
    salesforce.failWith = undefined;
    directory = new SalesforceDirectory({
        pool: db.pool,
        cipher,
        oauth: OAUTH,
        clock: { now: () => new Date(now) }
    });
});

afterAll(async () => {
    await salesforce.stop();
    await db.cleanup();
});

describe('issue 4 / R1.3 R1.4: SalesforceDirectory asks the org through jsforce', () => {
    it('an active user with Modify All Data is an admin (first call refreshes the OAuth token)', async () => {
        const refreshesBefore = salesforce.refreshCount;
        await expect(directory.getUser(ORG, ADMIN.Id)).resolves.toEqual({
            id: ADMIN.Id,
            name: 'Ada Admin',
            email: 'ada@acme.test',
            active: true,
            isAdmin: true
        });
        expect(salesforce.refreshCount).toBeGreaterThan(refreshesBefore);
    });

    it('an active user without Modify All Data is not an admin', async () => {
        await expect(directory.getUser(ORG, REP.Id)).resolves.toMatchObject({ active: true, isAdmin: false });
    });

    it('an inactive user is never an admin, even with Modify All Data', async () => {
        await expect(directory.getUser(ORG, FORMER_ADMIN.Id)).resolves.toMatchObject({
            active: false,
            isAdmin: false
        });
    });

    it('a user the org does not have is undefined', async () => {
        await expect(directory.getUser(ORG, id('0055g00000NoOne', 'user'))).resolves.toBeUndefined();
    });

    it('caches answers for a minute, then asks again', async () => {
        await directory.getUser(ORG, REP.Id);
        const asked = salesforce.queries.length;
        now += 59_000;
        await directory.getUser(ORG, REP.Id);
        expect(salesforce.queries.length).toBe(asked);
        now += 2_000;
        await directory.getUser(ORG, REP.Id);
        expect(salesforce.queries.length).toBe(asked + 2);
    });

    it('refreshes an expired access token on INVALID_SESSION_ID and answers', async () => {
        await directory.getUser(ORG, ADMIN.Id);
        const refreshesBefore = salesforce.refreshCount;
        salesforce.expireAccessToken();
        salesforce.setUser({ ...ADMIN, modifyAllData: false });
        now += 61_000;
        await expect(directory.getUser(ORG, ADMIN.Id)).resolves.toMatchObject({ isAdmin: false });
        expect(salesforce.refreshCount).toBeGreaterThan(refreshesBefore);
        salesforce.setUser(ADMIN);
    });

    it('lists every standard user across pages, with active and admin flags (R2.7)', async () => {
        const users = await directory.listUsers(ORG);
        expect(users.map((user) => user.name)).toEqual([
            'Ada Admin',
            'Bo User',
            'Cy User',
            'Di User',
            'Fay Former',
            'Rex Rep'
        ]);
        expect(users.find((user) => user.id === FORMER_ADMIN.Id)).toMatchObject({
            active: false,
            isAdmin: false
        });
        expect(users.filter((user) => user.isAdmin).map((user) => user.id)).toEqual([ADMIN.Id]);
    });

    it('refuses ids that are not Salesforce ids before any query is sent (SOQL injection)', async () => {
        const asked = salesforce.queries.length;
        for (const attack of ["' OR Id != '", "0055g00000AdMin' OR Name != '", `${ADMIN.Id}'--`, '']) {
            await expect(directory.getUser(ORG, attack)).rejects.toMatchObject({
                code: 'invalid_salesforce_id',
                httpStatus: 400
            });
        }
        await expect(directory.listUsers("00D' OR Id != '")).rejects.toMatchObject({
            code: 'invalid_salesforce_id'
        });
        expect(salesforce.queries.length).toBe(asked);
    });

    it('answers 503 salesforce_unavailable when Salesforce answers 503', async () => {
        salesforce.failWith = 503;
        await expect(directory.getUser(ORG, REP.Id)).rejects.toMatchObject({
            code: 'salesforce_unavailable',
            httpStatus: 503
        });
    });

    it('answers 503 salesforce_unavailable when Salesforce cannot be reached at all', async () => {
        const org = id('00D5g000004DoWn', 'organization');
        await register(org, await closedPortUrl(), REFRESH_TOKEN);
        await expect(directory.getUser(org, REP.Id)).rejects.toMatchObject({
            code: 'salesforce_unavailable',
            httpStatus: 503
        });
    });

    it('says the org is not connected when no refresh token was stored or Salesforce revoked it', async () => {
        const unconnected = id('00D5g000004NoRt', 'organization');
        await register(unconnected, salesforce.url, undefined);
        await expect(directory.getUser(unconnected, REP.Id)).rejects.toMatchObject({
            code: 'salesforce_not_connected'
        });
        const revoked = id('00D5g000004ReVk', 'organization');
        await register(revoked, salesforce.url, 'a-revoked-token');
        await expect(directory.getUser(revoked, REP.Id)).rejects.toMatchObject({
            code: 'salesforce_not_connected'
        });
    });
});
