import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SERVICE = __dirname;

/** Files that may run SQL outside a `<noun>Repository.ts`, each with its reason. */
const ALLOWED = new Map<string, string>([
    // Not SQL: SOQL through jsforce, and the fake Salesforce that answers it in tests.
    ['salesforce/salesforceDirectory.ts', 'SOQL (jsforce), not SQL'],
    ['salesforce/fakeSalesforce.ts', 'SOQL (a fake Salesforce), not SQL']
]);

function sourceFiles(folder: string): string[] {
    return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) return sourceFiles(full);
        return entry.name.endsWith('.ts') ? [path.relative(SERVICE, full)] : [];
    });
}

/** Where SQL may be: repositories, db/ (the pool, migrations), test-only code and tests. */
function mayQuery(file: string): boolean {
    return (
        file.endsWith('Repository.ts') ||
        file.startsWith('db/') ||
        file.startsWith('testing/') ||
        file.endsWith('.test.ts') ||
        ALLOWED.has(file)
    );
}

describe('every SQL statement lives in a <noun>Repository.ts of its capability', () => {
    it('no `.query(` outside repositories, db/, testing/ and tests', () => {
        const offenders = sourceFiles(SERVICE).filter(
            (file) => !mayQuery(file) && /\.query\s*[<(]/.test(readFileSync(path.join(SERVICE, file), 'utf8'))
        );
        expect(offenders).toEqual([]);
    });

    it('the allowlist names files that exist', () => {
        const files = new Set(sourceFiles(SERVICE));
        expect([...ALLOWED.keys()].filter((file) => !files.has(file))).toEqual([]);
    });
});
