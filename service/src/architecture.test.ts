import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SERVICE = __dirname;
const ARCHITECTURE = path.resolve(__dirname, '../../docs/architecture.md');

function productionFiles(folder: string): string[] {
    return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) return productionFiles(full);
        return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
    });
}

/** The folder of service/src a file is in (`core` for core/); undefined outside both. */
function layerOf(file: string): string | undefined {
    const relative = path.relative(SERVICE, file);
    if (relative.startsWith(`..${path.sep}..${path.sep}core${path.sep}`)) return 'core';
    if (relative.startsWith('..')) return undefined;
    return relative.split(path.sep)[0];
}

/** `from --> to` for every folder of service/src that imports another (or core), from the code. */
function importArrows(): string[] {
    const arrows = new Set<string>();
    const IMPORT = /^(?:import|export)\s[^'"]*?from\s+'(\.{1,2}\/[^']+)'|^import\s+'(\.{1,2}\/[^']+)'/gm;
    for (const file of productionFiles(SERVICE)) {
        const from = layerOf(file);
        for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
            const target = match[1] ?? match[2] ?? '';
            const to = layerOf(path.resolve(path.dirname(file), target));
            if (from !== undefined && to !== undefined && to !== from) arrows.add(`${from} --> ${to}`);
        }
    }
    return [...arrows].sort();
}

/** The arrows of the first mermaid block of docs/architecture.md. */
function documentedArrows(): string[] {
    const text = readFileSync(ARCHITECTURE, 'utf8');
    const block = /```mermaid\n([\s\S]*?)```/.exec(text)?.[1] ?? '';
    return block
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.includes('-->'))
        .sort();
}

describe('docs/architecture.md', () => {
    it('draws exactly the folder-level imports of service/src (else: paste the arrows printed here)', () => {
        const actual = importArrows();
        const documented = documentedArrows();
        if (actual.join('\n') !== documented.join('\n')) {
            console.log(`graph LR\n${actual.map((arrow) => `    ${arrow}`).join('\n')}`);
        }
        expect(documented).toEqual(actual);
    });
});
