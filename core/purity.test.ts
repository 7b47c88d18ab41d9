import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The rules of the package: core/ computes; it never reads the clock, randomness or the outside world. */
const FORBIDDEN: readonly [RegExp, string][] = [
    [/Date\.now\(/, 'reads the clock'],
    [/new Date\(\)/, 'reads the clock'],
    [/Math\.random\(/, 'reads randomness'],
    [/from 'node:|from '(fs|path|http|https|net|child_process|os)'/, 'does I/O'],
    [/\bprocess\./, 'reads the process environment'],
    [/\bparseFloat\(|\.toFixed\(/, 'handles money as floating point']
];

function sourceFiles(folder: string): string[] {
    return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) return sourceFiles(path);
        return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
    });
}

describe('R8.4 core is pure computation', () => {
    const files = sourceFiles(__dirname);

    it('finds the sources it checks', () => {
        expect(files.map((file) => relative(__dirname, file))).toEqual(
            expect.arrayContaining(['index.ts', 'proration/prorate.ts'])
        );
    });

    it.each(FORBIDDEN)('has no source that matches %p (it %s)', (pattern) => {
        const offenders = files
            .filter((file) => pattern.test(readFileSync(file, 'utf8')))
            .map((file) => relative(__dirname, file));
        expect(offenders).toEqual([]);
    });
});
