import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ANALYZER_EXCEPTIONS } from './analyzeExceptions';
import { analyzedFiles, isExcepted, runAppExchangeRules, type Finding } from './analyze';

/**
 * Issue 12: Salesforce Code Analyzer's AppExchange rules find nothing in the package's Apex and
 * compiled LWC JavaScript (or only what analyzeExceptions.ts writes down). Needs Java 17+;
 * without it the suite says so in one line and skips (`.ci/run` installs one).
 */
const ROOT = path.resolve(__dirname, '..');
const hasJava = spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;
const describeWithJava = hasJava ? describe : describe.skip;
if (!hasJava) {
    // One line, not jest's console block with its stack trace.
    process.stdout.write(
        'Code Analyzer (AppExchange rules) skipped: no java on PATH (install openjdk-17-jre-headless).\n'
    );
}

// A class with what the rules must catch: SOQL without a sharing mode, an empty catch block.
const PLANTED = `public class Planted {
    public static Integer count() {
        try {
            return [SELECT COUNT() FROM Account];
        } catch (QueryException e) {
        }
        return 0;
    }
}
`;

describeWithJava('issue 12: Code Analyzer AppExchange rules', () => {
    let folder: string;
    let planted: string;
    let findings: Finding[];
    let files: string[];

    beforeAll(async () => {
        await promisify(execFile)(
            path.join(ROOT, 'node_modules/.bin/tsc'),
            ['-p', 'force-app/tsconfig.json'],
            {
                cwd: ROOT
            }
        ).catch(() => undefined);
        folder = await mkdtemp(path.join(tmpdir(), 'pdb-planted-'));
        planted = path.join(folder, 'Planted.cls');
        await writeFile(planted, PLANTED);
        files = await analyzedFiles();
        findings = await runAppExchangeRules([...files, planted]);
    }, 180_000);

    afterAll(async () => {
        await rm(folder, { recursive: true, force: true });
    });

    it('reads the Apex classes and the compiled LWC JavaScript', () => {
        expect(files.filter((file) => file.endsWith('.cls')).length).toBeGreaterThanOrEqual(3);
        expect(
            files.some((file) => file.endsWith(path.join('lwc', 'billingSummary', 'billingSummary.js')))
        ).toBe(true);
    });

    it('catches what they are meant to catch (a planted class)', () => {
        const rules = findings
            .filter((finding) => finding.file.endsWith('Planted.cls'))
            .map((finding) => finding.rule);
        expect(rules).toEqual(expect.arrayContaining(['ApexCRUDViolation', 'EmptyCatchBlock']));
    });

    it('finds no violation in the package that is not written down with its reason', () => {
        const open = findings
            .filter((finding) => !finding.file.endsWith('Planted.cls'))
            .filter((finding) => !isExcepted(finding, ANALYZER_EXCEPTIONS));
        expect(open).toEqual([]);
        expect(ANALYZER_EXCEPTIONS.every((exception) => exception.reason.length > 20)).toBe(true);
    });
});
