import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixedClock } from '../kernel/clock';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase';
import { makeCompany, makeUser, TEST_NOW } from '../testing/factories';
import { loadSalesforceConfig } from './config';
import { createIdentity } from './createIdentity';
import { SalesforceConnector } from './salesforceConnector';
import { SalesforceDirectory } from './salesforceDirectory';

describe('issue 4: one verification path in both modes', () => {
    let db: TestDatabase;
    let keyDir: string;
    const clock = fixedClock(TEST_NOW);

    beforeAll(async () => {
        db = await createTestDatabase();
        keyDir = await mkdtemp(path.join(tmpdir(), 'pdb-identity-'));
    });

    afterAll(async () => {
        await db.cleanup();
        await rm(keyDir, { recursive: true, force: true });
    });

    it('local mode (no SALESFORCE_CLIENT_ID): the local issuer signs tokens the JWT authenticator accepts', async () => {
        const orgId = await makeCompany(db.pool);
        const admin = await makeUser(db.pool, orgId, { isAdmin: true });
        const identity = await createIdentity({
            pool: db.pool,
            clock,
            config: loadSalesforceConfig({}),
            demoOrgId: orgId,
            keyDir
        });
        const token = await identity.localIssuer!.issueToken(admin.id);
        const caller = await identity.authenticator.authenticate({ authorization: `Bearer ${token}` });
        expect(caller).toEqual({ orgId, userId: admin.id });
        await expect(identity.directory.getUser(orgId, admin.id)).resolves.toMatchObject({ isAdmin: true });
    });

    it('Salesforce mode: users come from Salesforce, and there is no local issuer (no /dev/token)', async () => {
        const config = loadSalesforceConfig({
            SALESFORCE_CLIENT_ID: '3MVG9id',
            SALESFORCE_CLIENT_SECRET: 'secret',
            SALESFORCE_TOKEN_KEY: randomBytes(32).toString('base64')
        });
        const identity = await createIdentity({ pool: db.pool, clock, config, demoOrgId: 'unused', keyDir });
        expect(identity.localIssuer).toBeUndefined();
        expect(identity.directory).toBeInstanceOf(SalesforceDirectory);
        expect(config).toMatchObject({
            loginUrl: 'https://login.salesforce.com',
            serviceUrl: 'https://billing.powerdialer.example'
        });
        // Issue 12: admins connect their org themselves (mounts /connect/salesforce).
        expect(identity.orgConnector).toBeInstanceOf(SalesforceConnector);
    });

    it('issue 9: a database once run in local mode keeps no usable local issuer once the service runs against real orgs', async () => {
        const orgId = await makeCompany(db.pool);
        const admin = await makeUser(db.pool, orgId, { isAdmin: true });
        const local = await createIdentity({
            pool: db.pool,
            clock,
            config: loadSalesforceConfig({}),
            demoOrgId: orgId,
            keyDir
        });
        const token = await local.localIssuer!.issueToken(admin.id);
        const config = loadSalesforceConfig({
            SALESFORCE_CLIENT_ID: '3MVG9id',
            SALESFORCE_CLIENT_SECRET: 'secret',
            SALESFORCE_TOKEN_KEY: randomBytes(32).toString('base64')
        });
        const real = await createIdentity({ pool: db.pool, clock, config, demoOrgId: 'unused', keyDir });
        await expect(
            real.authenticator.authenticate({ authorization: `Bearer ${token}` })
        ).rejects.toMatchObject({
            code: 'org_not_registered'
        });
    });

    it('Salesforce mode with a missing setting says which ones', () => {
        expect(() => loadSalesforceConfig({ SALESFORCE_CLIENT_ID: '3MVG9id' })).toThrow(
            /SALESFORCE_CLIENT_SECRET, SALESFORCE_TOKEN_KEY/
        );
    });
});
