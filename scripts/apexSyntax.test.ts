import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { apexSyntaxErrors } from './apexSyntax';

/** Issue 12, offline: every Apex class of the package parses (no org can compile it here). */
const CLASSES = path.resolve(__dirname, '../force-app/main/default/classes');

describe('issue 12: the Apex classes parse', () => {
    it('every .cls has no syntax error', async () => {
        const files = (await readdir(CLASSES)).filter((file) => file.endsWith('.cls'));
        expect(files.length).toBeGreaterThanOrEqual(3);
        const problems: string[] = [];
        for (const file of files) {
            const errors = apexSyntaxErrors(await readFile(path.join(CLASSES, file), 'utf8'));
            problems.push(...errors.map((error) => `${file}:${error}`));
        }
        expect(problems).toEqual([]);
    }, 60_000); // ANTLR warms up on the first class: seconds on a loaded machine

    it('a syntax error is reported with its line', () => {
        const broken =
            'public class Broken {\n    public static void go() {\n        Integer x = ;\n    }\n}\n';
        const errors = apexSyntaxErrors(broken);
        expect(errors.length).toBeGreaterThan(0);
        expect(errors[0]).toMatch(/^3:/);
    });
});
