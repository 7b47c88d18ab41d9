import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import lwc from '@lwc/rollup-plugin';
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import { rollup } from 'rollup';
import { buildPanelRules } from '../scripts/buildPanelRules';
import { PREVIEW_DIST } from './paths';

const ROOT = path.resolve(__dirname, '..');
const LWC_DIR = path.join(ROOT, 'force-app/main/default/lwc');
const SRC_DIR = path.join(__dirname, 'src');
const CORE_DIR = path.join(ROOT, 'core');
const HASH_FILE = path.join(PREVIEW_DIST, '.inputs-hash');
const STUBS = path.join(SRC_DIR, 'stubs');
/** Stand-in components authored in TypeScript, compiled here like force-app's (decorators kept for LWC). */

/** Platform-only modules and the Apex call: small local stand-ins (see preview/src/stubs). */
const PLATFORM_STAND_INS = [
    {
        name: 'lightning/platformShowToastEvent',
        path: path.join(STUBS, 'lightning/platformShowToastEvent.js')
    },
    { name: 'lightning/messageService', path: path.join(STUBS, 'lightning/messageService.js') },
    {
        name: '@salesforce/messageChannel/BillingRefresh__c',
        path: path.join(STUBS, 'messageChannel/BillingRefresh__c.js')
    },
    {
        name: '@salesforce/apex/BillingServiceProxy.send',
        path: path.join(STUBS, 'apex/BillingServiceProxy.send.js')
    },
    {
        name: '@salesforce/gate/bc.260.enableComboboxElementInternals',
        path: path.join(STUBS, 'gateClosed.js')
    }
];

export interface BuildResult {
    /** False when the inputs had not changed and the previous build was kept. */
    built: boolean;
    dist: string;
}

/**
 * Builds the preview page into preview/dist from the force-app components: compiles the
 * TypeScript (`npm run build`, with core's panel rules), then bundles the compiled `.js` with the LWC compiler, the npm
 * lightning base components and synthetic shadow. Skipped when the inputs' hash is unchanged.
 */
export async function buildPreview(options: { force?: boolean } = {}): Promise<BuildResult> {
    const hash = await hashInputs();
    if (!options.force && existsSync(path.join(PREVIEW_DIST, 'app.js')) && (await readHash()) === hash) {
        return { built: false, dist: PREVIEW_DIST };
    }
    await buildPanelRules();
    await promisify(execFile)(
        process.execPath,
        [require.resolve('typescript/bin/tsc'), '-p', 'force-app/tsconfig.json'],
        {
            cwd: ROOT
        }
    );
    await bundle();
    await copyFile(path.join(SRC_DIR, 'index.html'), path.join(PREVIEW_DIST, 'index.html'));
    await writeFile(HASH_FILE, hash);
    return { built: true, dist: PREVIEW_DIST };
}

async function bundle(): Promise<void> {
    const components = await componentNames();
    const build = await rollup({
        input: path.join(SRC_DIR, 'main.js'),
        plugins: [
            replace({
                preventAssignment: true,
                values: {
                    'import.meta.env.SSR': 'false',
                    'process.env.NODE_ENV': JSON.stringify('production')
                }
            }),
            lwc({
                rootDir: ROOT,
                enableDynamicComponents: true,
                modules: [
                    ...PLATFORM_STAND_INS,
                    ...components.map((name) => ({
                        name: `c/${name}`,
                        path: path.join(LWC_DIR, name, `${name}.js`)
                    })),
                    { npm: 'lightning-base-components' }
                ]
            }),
            nodeResolve()
        ],
        onwarn(warning, warn) {
            // The base components' own template warnings are not ours to fix.
            if (warning.id?.includes('node_modules') || warning.code === 'CIRCULAR_DEPENDENCY') return;
            warn(warning);
        }
    });
    await mkdir(PREVIEW_DIST, { recursive: true });
    await build.write({
        file: path.join(PREVIEW_DIST, 'app.js'),
        format: 'iife',
        inlineDynamicImports: true
    });
    await build.close();
}

async function componentNames(): Promise<string[]> {
    const entries = await readdir(LWC_DIR, { withFileTypes: true });
    return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
}

/** Everything that changes the bundle: component sources, preview sources, and the tool versions. */
async function hashInputs(): Promise<string> {
    const hash = createHash('sha256');
    const files = [
        ...(await sourceFiles(LWC_DIR)),
        ...(await sourceFiles(SRC_DIR)),
        ...(await sourceFiles(CORE_DIR))
    ].sort();
    for (const file of files) {
        hash.update(path.relative(ROOT, file));
        hash.update(await readFile(file));
    }
    for (const pkg of ['lwc', '@lwc/rollup-plugin', 'lightning-base-components', '@lwc/synthetic-shadow']) {
        hash.update(await readFile(path.join(ROOT, 'node_modules', pkg, 'package.json')));
    }
    return hash.digest('hex');
}

async function sourceFiles(dir: string): Promise<string[]> {
    const entries = await readdir(dir, { withFileTypes: true, recursive: true });
    return entries
        .filter((entry) => entry.isFile() && /\.(ts|html|css|js)$/.test(entry.name))
        .map((entry) => path.join(entry.parentPath, entry.name))
        .filter((file) => !file.includes(`${path.sep}__tests__${path.sep}`))
        .filter((file) => !(file.startsWith(LWC_DIR) && file.endsWith('.js')));
}

async function readHash(): Promise<string | undefined> {
    try {
        return await readFile(HASH_FILE, 'utf8');
    } catch {
        return undefined;
    }
}
