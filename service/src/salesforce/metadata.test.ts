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
    'tabs',
    'values'
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
        expect(packageTypes.get('ApexClass')).toEqual([
            'BillingServiceProxy',
            'BillingServiceProxyTest',
            'BillingServiceToken'
        ]);
        expect(packageTypes.get('PermissionSet')).toEqual(['PowerDialer_Billing_Admin']);
        expect(packageTypes.get('CustomPermission')).toEqual(['PowerDialer_Billing_Admin']);
        expect(packageTypes.get('CustomTab')).toEqual(['PowerDialer_Billing']);
        expect(packageTypes.get('FlexiPage')).toEqual(['PowerDialer_Billing']);
        expect(packageTypes.get('CustomApplication')).toEqual(['PowerDialer_Billing']);
        expect(packageTypes.get('NamedCredential')).toEqual(['PowerDialer_Billing']);
        expect(packageTypes.get('ExternalCredential')).toEqual(['PowerDialer_Billing']);
        // Issue 12: a packaged certificate would get a new key pair in every org; the org makes its own.
        expect(packageTypes.has('Certificate')).toBe(false);
        expect(packageTypes.get('CustomObject')).toEqual(['PowerDialer_Billing_Setting__mdt']);
        expect(packageTypes.get('CustomMetadata')).toEqual(['PowerDialer_Billing_Setting.Default']);
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

    it('issue 12: after npm run build, every LWC bundle that deploys has its compiled .js next to its meta XML', async () => {
        const bundles = (await readdir(path.join(DEFAULT, 'lwc'), { withFileTypes: true })).filter((entry) =>
            entry.isDirectory()
        );
        expect(bundles.length).toBeGreaterThan(10);
        const missing: string[] = [];
        for (const bundle of bundles) {
            const files = await readdir(path.join(DEFAULT, 'lwc', bundle.name));
            if (files.includes(`${bundle.name}.js-meta.xml`) && !files.includes(`${bundle.name}.js`)) {
                missing.push(bundle.name);
            }
        }
        expect(missing).toEqual([]);
    });

    it('issue 12: a namespaced managed package whose version and scratch-org scripts build the LWCs first', async () => {
        const project = JSON.parse(await readFile(path.join(ROOT, 'sfdx-project.json'), 'utf8')) as {
            namespace: string;
            packageAliases: Record<string, string>;
            packageDirectories: { path: string; package: string; versionNumber: string }[];
        };
        expect(project.namespace).toMatch(/^[a-z][a-z0-9]{0,14}$/);
        expect(project.packageAliases).toBeInstanceOf(Object);
        expect(project.packageDirectories[0]).toMatchObject({
            path: 'force-app',
            package: 'PowerDialer Billing'
        });
        const script = path.join(ROOT, 'scripts/package-version.sh');
        await run('bash', ['-n', script]);
        const text = await readFile(script, 'utf8');
        const steps = [
            'sf package create --name "$PACKAGE" --package-type Managed',
            'npm run build',
            'sf package version create --package "$PACKAGE" --installation-key-bypass --code-coverage',
            'if [ "$promote" = true ]',
            'sf package version promote --package "$version"'
        ];
        const positions = steps.map((step) => text.indexOf(step));
        expect(positions.every((position) => position >= 0)).toBe(true);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
        const common = await readFile(path.join(ROOT, 'scripts/sf-common.sh'), 'utf8');
        expect(common).toContain('PERMISSION_SET=$(qualified PowerDialer_Billing_Admin)');
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
        // Issue 12: the named principal needs no per-user credential records.
        expect(permissionSet).not.toHaveProperty('objectPermissions');
    });

    it('issue 12: the External Credential only gates callouts by permission set; it signs nothing', async () => {
        const credential = await metadata(
            'externalCredentials',
            'PowerDialer_Billing.externalCredential-meta.xml',
            'ExternalCredential'
        );
        expect(credential.authenticationProtocol).toBe('Custom');
        const parameters = list<{ parameterName: string; parameterType: string }>(
            credential.externalCredentialParameters
        );
        expect(parameters.map((parameter) => parameter.parameterType)).toEqual(['NamedPrincipal']);
        expect(JSON.stringify(credential.externalCredentialParameters)).not.toMatch(
            /certificate|JwtBodyClaim/i
        );
    });

    it('issue 12: the Apex proxy mints a fresh JWT per callout and sets it on the Named Credential request', async () => {
        const proxy = await readFile(path.join(DEFAULT, 'classes/BillingServiceProxy.cls'), 'utf8');
        expect(proxy).toContain("'callout:' + qualified('PowerDialer_Billing')");
        expect(proxy).toContain("request.setHeader('Authorization', 'Bearer ' + BillingServiceToken.mint())");
        expect(proxy).toContain('@AuraEnabled');
        const token = await readFile(path.join(DEFAULT, 'classes/BillingServiceToken.cls'), 'utf8');
        expect(token).toContain('new Auth.JWT()');
        expect(token).toContain('new Auth.JWS(claims, certificateName)');
        expect(token).toContain("'jti' => UUID.randomUUID().toString()");
        expect(token).toContain('claims.setIss(UserInfo.getOrganizationId())');
        expect(token).toContain('claims.setSub(UserInfo.getUserId())');
        const lifetime = /LIFETIME_SECONDS = (\d+);/.exec(token)?.[1];
        expect(Number(lifetime)).toBeLessThanOrEqual(120);
        const named = await metadata(
            'namedCredentials',
            'PowerDialer_Billing.namedCredential-meta.xml',
            'NamedCredential'
        );
        expect(named.namedCredentialType).toBe('SecuredEndpoint');
        expect(named.generateAuthorizationHeader).toBe(false);
        expect(named.allowMergeFieldsInHeader).toBe(false);
        const authentication = list<{ parameterType: string; externalCredential?: string }>(
            named.namedCredentialParameters
        ).find((parameter) => parameter.parameterType === 'Authentication');
        expect(authentication?.externalCredential).toBe('PowerDialer_Billing');
    });

    it('issue 12: the certificate is named by a subscriber-editable setting whose default the post-install step creates', async () => {
        const token = await readFile(path.join(DEFAULT, 'classes/BillingServiceToken.cls'), 'utf8');
        const packagedDefault = /DEFAULT_SIGNER = '(\w+)'/.exec(token)?.[1];
        const record = await metadata(
            'customMetadata',
            'PowerDialer_Billing_Setting.Default.md-meta.xml',
            'CustomMetadata'
        );
        const values = Object.fromEntries(
            list<{ field: string; value: string }>(record.values).map((value) => [value.field, value.value])
        );
        expect(values.Signing_Certificate__c).toBe(packagedDefault);
        expect(values.Audience__c).toMatch(/^https:\/\//);
        const field = await metadata(
            'objects/PowerDialer_Billing_Setting__mdt/fields',
            'Signing_Certificate__c.field-meta.xml',
            'CustomField'
        );
        expect(field.fieldManageability).toBe('SubscriberControlled');
        const postInstall = await readXml(path.join(ROOT, 'config/post-install/package.xml'));
        expect(JSON.stringify(postInstall)).toContain(
            `"members":["${packagedDefault}"],"name":"Certificate"`
        );
    });

    it('issue 12: the message channel is private to the package', async () => {
        const channel = await metadata(
            'messageChannels',
            'BillingRefresh.messageChannel-meta.xml',
            'LightningMessageChannel'
        );
        expect(channel.isExposed).toBe(false);
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

    it('scripts/scratch-org.sh is valid bash and runs create, build, deploy, certificate, permission set, Apex tests, delete in order', async () => {
        const script = path.join(ROOT, 'scripts/scratch-org.sh');
        await run('bash', ['-n', script]);
        const text = await readFile(script, 'utf8');
        expect(text).toContain('set -euo pipefail');
        expect(text).toMatch(/trap \w+ EXIT/);
        const steps = [
            'sf org create scratch -f config/project-scratch-def.json -a "$ALIAS" -d -y 1',
            'npm run build',
            'sf project deploy start --target-org',
            'sf project deploy start --metadata-dir config/post-install',
            'sf org assign permset -n "$PERMISSION_SET"',
            'sf apex run test',
            'sf org delete scratch --target-org "$ALIAS" -p\ncreated=false'
        ];
        const positions = steps.map((step) => text.indexOf(step));
        expect(positions.every((position) => position >= 0)).toBe(true);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    });
});
