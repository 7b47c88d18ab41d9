/*
 * Salesforce Code Analyzer's AppExchange rules (PMD, through @salesforce/code-analyzer-pmd-engine)
 * over the package's Apex and the compiled LWC JavaScript: `npm run analyze`. Needs Java 17+ and
 * the compiled LWCs (`npm run build` first). Fails on any violation that is not written down,
 * with its reason, in scripts/analyzeExceptions.ts.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigValueExtractor, Workspace, type Violation } from '@salesforce/code-analyzer-engine-api';
import { PmdCpdEnginesPlugin } from '@salesforce/code-analyzer-pmd-engine';
import { ANALYZER_EXCEPTIONS, type AnalyzerException } from './analyzeExceptions';

const ROOT = path.resolve(__dirname, '..');
const DEFAULT = path.join(ROOT, 'force-app/main/default');
/**
 * What the security review runs: every AppExchange rule, and Code Analyzer's recommended rules of
 * the security, error-prone, best-practice and performance kinds (ApexCRUDViolation,
 * EmptyCatchBlock, ...), plus assertion messages. Style, design and ApexDoc rules are left out.
 */
const RECOMMENDED_KINDS = ['Security', 'ErrorProne', 'BestPractices', 'Performance'];
const ALSO = ['ApexAssertionsShouldIncludeMessage'];

function isSelected(rule: { name: string; tags: string[] }): boolean {
    if (rule.tags.includes('AppExchange') || ALSO.includes(rule.name)) return true;
    return rule.tags.includes('Recommended') && rule.tags.some((tag) => RECOMMENDED_KINDS.includes(tag));
}

export interface Finding {
    rule: string;
    file: string;
    line: number;
    message: string;
}

/** What a package version ships that PMD reads: Apex, the LWCs' compiled `.js`, the meta XML. */
export async function analyzedFiles(): Promise<string[]> {
    const entries = await readdir(DEFAULT, { recursive: true, withFileTypes: true });
    return entries
        .filter((entry) => entry.isFile())
        .map((entry) => path.join(entry.parentPath, entry.name))
        .filter((file) => !file.includes(`${path.sep}__tests__${path.sep}`))
        .filter(
            (file) =>
                file.endsWith('.cls') ||
                file.endsWith('-meta.xml') ||
                (file.includes(`${path.sep}lwc${path.sep}`) && file.endsWith('.js'))
        )
        .sort();
}

/** Runs every AppExchange-tagged PMD rule over `files`; returns what it found. */
export async function runAppExchangeRules(files: string[]): Promise<Finding[]> {
    const plugin = new PmdCpdEnginesPlugin();
    const config = await plugin.createEngineConfig('pmd', new ConfigValueExtractor({}));
    const engine = await plugin.createEngine('pmd', config);
    const workingFolder = await mkdtemp(path.join(tmpdir(), 'pdb-analyze-'));
    try {
        const workspace = new Workspace('powerdialer-billing', files);
        const options = { logFolder: workingFolder, workingFolder, workspace };
        const rules = (await engine.describeRules(options)).filter(isSelected);
        if (!rules.some((rule) => rule.tags.includes('AppExchange'))) {
            throw new Error('The PMD engine offered no AppExchange rules.');
        }
        const results = await engine.runRules(
            rules.map((rule) => rule.name),
            options
        );
        return results.violations.map(toFinding);
    } finally {
        await rm(workingFolder, { recursive: true, force: true });
    }
}

function toFinding(violation: Violation): Finding {
    const location = violation.codeLocations[violation.primaryLocationIndex] ?? violation.codeLocations[0];
    return {
        rule: violation.ruleName,
        file: path.relative(ROOT, location?.file ?? ''),
        line: location?.startLine ?? 0,
        message: violation.message.trim()
    };
}

export function isExcepted(finding: Finding, exceptions: readonly AnalyzerException[]): boolean {
    return exceptions.some((exception) => exception.rule === finding.rule && exception.file === finding.file);
}

async function main(): Promise<void> {
    const files = await analyzedFiles();
    if (!files.some((file) => file.endsWith('.js'))) {
        throw new Error('No compiled LWC JavaScript: run `npm run build` first.');
    }
    const findings = await runAppExchangeRules(files);
    const open = findings.filter((finding) => !isExcepted(finding, ANALYZER_EXCEPTIONS));
    for (const finding of open) {
        console.log(`${finding.file}:${finding.line} ${finding.rule}: ${finding.message}`);
    }
    console.log(
        `Code Analyzer (AppExchange and recommended security rules): ${files.length} files, ${open.length} violations, ${findings.length - open.length} written-down exceptions.`
    );
    if (open.length > 0) process.exitCode = 1;
}

if (require.main === module) {
    main().catch((error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        process.exitCode = 1;
    });
}
