import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { buildPanelRules } from '../../../scripts/buildPanelRules';

/**
 * Issue 4, offline: force-app converts to a deployable Metadata API package (`sf project convert
 * source`), and every meta XML is well-formed (the CLI does not check) and points at components
 * that exist, as a deploy would require.
 */
const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../..');
const FORCE_APP = path.join(ROOT, 'force-app');
const DEFAULT = path.join(FORCE_APP, 'main/default');
const BIN = path.join(ROOT, 'node_modules/.bin');
const SF_ENV = {
    ...process.env,
    SF_DISABLE_TELEMETRY: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true',
    SF_AUTOUPDATE_DISABLE: 'true'
};
const parser = new XMLParser({ ignoreAttributes: true, isArray: (name) => ARRAY_ELEMENTS.has(name) });
const ARRAY_ELEMENTS = new Set([
    'types',
    'members',
    'classAccesses',
    'customPermissions',
    'tabSettings',
    'applicationVisibilities',
    'externalCredentialPrincipalAccesses',
    'externalCredentialParameters',
    'namedCredentialParameters',
    'flexiPageRegions',
    'itemInstances',
    'target',
    'tabs'
]);

type Xml = Record<string, unknown>;
const NOT_XML = /\.(js|html|css|svg|crt|cls|json)$/;

async function filesUnder(folder: string): Promise<string[]> {
    const entries = await readdir(folder, { recursive: true, withFileTypes: true });
    return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

async function readXml(file: string): Promise<Xml> {
    return parser.parse(await readFile(file, 'utf8')) as Xml;
}

async function metadata(folder: string, file: string, root: string): Promise<Xml> {
    const document = await readXml(path.join(DEFAULT, folder, file));
    return document[root] as Xml;
}

function list<T = Xml>(value: unknown): T[] {
    return (value ?? []) as T[];
}

describe('issue 4: the Salesforce package, checked offline', () => {
    let outputDir: string;
    let packageTypes: Map<string, string[]>;

    beforeAll(async () => {
        // The LWC sources are TypeScript: compile them to the .js a deploy needs. Type errors are
        // the typecheck step's business; here only the emitted files matter.
        // c/billingRules is bundled from core/ first (as `npm run build` does).
        await buildPanelRules();
        await run(path.join(BIN, 'tsc'), ['-p', path.join(FORCE_APP, 'tsconfig.json')], { cwd: ROOT }).catch(
            () => undefined
        );
        outputDir = await mkdtemp(path.join(tmpdir(), 'pdb-mdapi-'));
        await run(
            path.join(BIN, 'sf'),
            ['project', 'convert', 'source', '-r', 'force-app', '-d', outputDir],
            {
                cwd: ROOT,
                env: SF_ENV,
                timeout: 170_000
            }
        );
        const manifest = await readXml(path.join(outputDir, 'package.xml'));
        const types = list<{ name: string; members: string[] }>((manifest.Package as Xml).types);
        packageTypes = new Map(types.map((type) => [type.name, type.members.map(String)]));
    }, 180_000);

    afterAll(async () => {
        await rm(outputDir, { recursive: true, force: true });
    });

    it('converts with every component of the package in package.xml', () => {
        expect(packageTypes.get('ApexClass')).toEqual(['BillingServiceProxy', 'BillingServiceProxyTest']);
        expect(packageTypes.get('PermissionSet')).toEqual(['PowerDialer_Billing_Admin']);
        expect(packageTypes.get('CustomPermission')).toEqual(['PowerDialer_Billing_Admin']);
        expect(packageTypes.get('CustomTab')).toEqual(['PowerDialer_Billing']);
        expect(packageTypes.get('FlexiPage')).toEqual(['PowerDialer_Billing']);
        expect(packageTypes.get('CustomApplication')).toEqual(['PowerDialer_Billing']);
        expect(packageTypes.get('NamedCredential')).toEqual(['PowerDialer_Billing']);
        expect(packageTypes.get('ExternalCredential')).toEqual(['PowerDialer_Billing']);
        expect(packageTypes.get('Certificate')).toEqual(['PowerDialer_Billing_Signing']);
        expect(packageTypes.get('LightningMessageChannel')).toEqual(['BillingRefresh']);
        expect(packageTypes.get('LightningComponentBundle')).toContain('billingSummary');
    });

    it('ships each component as compiled JavaScript, without TypeScript sources or jest tests', async () => {
        const converted = await filesUnder(path.join(outputDir, 'lwc'));
        expect(converted.filter((file) => file.endsWith('.ts') || file.includes('__tests__'))).toEqual([]);
        for (const bundle of packageTypes.get('LightningComponentBundle') ?? []) {
            expect(converted).toContain(path.join(outputDir, 'lwc', bundle, `${bundle}.js`));
        }
    });

    it('every meta XML under force-app, and every converted XML, is well-formed', async () => {
        const sources = (await filesUnder(FORCE_APP)).filter((file) => file.endsWith('-meta.xml'));
        const converted = (await filesUnder(outputDir)).filter((file) => !NOT_XML.test(file));
        expect(sources.length).toBeGreaterThan(10);
        const problems: string[] = [];
        for (const file of [...sources, ...converted]) {
            // Deprecated in favour of a separate package; fast-xml-parser's validator still does the job.
            // eslint-disable-next-line @typescript-eslint/no-deprecated
            const verdict = XMLValidator.validate(await readFile(file, 'utf8'));
            if (verdict !== true)
                problems.push(`${path.relative(ROOT, file)}: ${verdict.err.msg} (line ${verdict.err.line})`);
        }
        expect(problems).toEqual([]);
    });

    it('the permission set grants exactly what the billing admin needs, and all of it exists', async () => {
        const permissionSet = await metadata(
            'permissionsets',
            'PowerDialer_Billing_Admin.permissionset-meta.xml',
            'PermissionSet'
        );
        expect(
            list<{ apexClass: string }>(permissionSet.classAccesses).map((access) => access.apexClass)
        ).toEqual(['BillingServiceProxy']);
        expect(
            list<{ name: string }>(permissionSet.customPermissions).map((permission) => permission.name)
        ).toEqual(['PowerDialer_Billing_Admin']);
        expect(list<{ tab: string }>(permissionSet.tabSettings).map((setting) => setting.tab)).toEqual([
            'PowerDialer_Billing'
        ]);
        const principals = list<{ externalCredentialPrincipal: string }>(
            permissionSet.externalCredentialPrincipalAccesses
        );
        const credential = await metadata(
            'externalCredentials',
            'PowerDialer_Billing.externalCredential-meta.xml',
            'ExternalCredential'
        );
        const principalNames = list<{ parameterName: string; parameterType: string }>(
            credential.externalCredentialParameters
        )
            .filter((parameter) => parameter.parameterType.endsWith('Principal'))
            .map((parameter) => `PowerDialer_Billing-${parameter.parameterName}`);
        expect(principals.map((access) => access.externalCredentialPrincipal)).toEqual(principalNames);
        expect(permissionSet).not.toHaveProperty('userPermissions');
    });

    it('the External Credential signs RS256 JWTs with org id, user id, audience and a jti, with a packaged certificate', async () => {
        const credential = await metadata(
            'externalCredentials',
            'PowerDialer_Billing.externalCredential-meta.xml',
            'ExternalCredential'
        );
        expect(credential.authenticationProtocol).toBe('Jwt');
        const parameters = list<{
            parameterName: string;
            parameterType: string;
            parameterValue?: string;
            certificate?: string;
        }>(credential.externalCredentialParameters);
        const claims = Object.fromEntries(
            parameters
                .filter((parameter) => parameter.parameterType === 'JwtBodyClaim')
                .map((parameter) => [parameter.parameterName, parameter.parameterValue])
        );
        expect(claims).toMatchObject({ iss: '{!$Organization.Id}', sub: '{!$User.Id}' });
        expect(claims.aud).toMatch(/^https:\/\//);
        expect(claims.jti).toContain('$User.Id');
        const signing = parameters.find((parameter) => parameter.parameterType === 'SigningCertificate');
        expect(packageTypes.get('Certificate')).toContain(signing?.certificate);
    });

    it('the Apex proxy calls the packaged Named Credential, which uses the External Credential', async () => {
        const apex = await readFile(path.join(DEFAULT, 'classes/BillingServiceProxy.cls'), 'utf8');
        expect(apex).toContain("'callout:PowerDialer_Billing'");
        expect(apex).toContain('@AuraEnabled');
        const named = await metadata(
            'namedCredentials',
            'PowerDialer_Billing.namedCredential-meta.xml',
            'NamedCredential'
        );
        expect(named.namedCredentialType).toBe('SecuredEndpoint');
        expect(named.generateAuthorizationHeader).toBe(true);
        const authentication = list<{ parameterType: string; externalCredential?: string }>(
            named.namedCredentialParameters
        ).find((parameter) => parameter.parameterType === 'Authentication');
        expect(authentication?.externalCredential).toBe('PowerDialer_Billing');
    });

    it('the tab opens the Lightning App Page, which holds c-billing-summary (an App Page component)', async () => {
        const tab = await metadata('tabs', 'PowerDialer_Billing.tab-meta.xml', 'CustomTab');
        expect(tab.flexiPage).toBe('PowerDialer_Billing');
        const page = await metadata('flexipages', 'PowerDialer_Billing.flexipage-meta.xml', 'FlexiPage');
        expect(page.type).toBe('AppPage');
        const components = list<{ itemInstances: { componentInstance: { componentName: string } }[] }>(
            page.flexiPageRegions
        ).flatMap((region) => region.itemInstances.map((item) => item.componentInstance.componentName));
        expect(components).toEqual(['billingSummary']);
        const bundle = await metadata(
            'lwc/billingSummary',
            'billingSummary.js-meta.xml',
            'LightningComponentBundle'
        );
        expect(bundle.isExposed).toBe(true);
        expect((bundle.targets as { target: string[] }).target).toContain('lightning__AppPage');
        const app = await metadata('applications', 'PowerDialer_Billing.app-meta.xml', 'CustomApplication');
        expect(app.tabs).toEqual(['PowerDialer_Billing']);
    });

    it('scripts/scratch-org.sh is valid bash and runs create, build, deploy, permission set, Apex tests, delete in order', async () => {
        const script = path.join(ROOT, 'scripts/scratch-org.sh');
        await run('bash', ['-n', script]);
        const text = await readFile(script, 'utf8');
        expect(text).toContain('set -euo pipefail');
        expect(text).toMatch(/trap \w+ EXIT/);
        const steps = [
            'sf org create scratch -f config/project-scratch-def.json -a "$ALIAS" -d -y 1',
            'npm run build',
            'sf project deploy start',
            'sf org assign permset -n PowerDialer_Billing_Admin',
            'sf apex run test',
            'sf org delete scratch --target-org "$ALIAS" -p\ncreated=false'
        ];
        const positions = steps.map((step) => text.indexOf(step));
        expect(positions.every((position) => position >= 0)).toBe(true);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    });
});
