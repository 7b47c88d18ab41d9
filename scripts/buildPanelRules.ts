/* Bundles core/panelRules.ts into the LWC module c/billingRules (+ its types), so the panels check
   input with the service's own rules. Run by `npm run build` and `npm run typecheck`. */
import path from 'node:path';
import { build } from 'esbuild';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');
export const PANEL_RULES_ENTRY = path.join(ROOT, 'core/panelRules.ts');
export const PANEL_RULES_MODULE = path.join(ROOT, 'force-app/main/default/lwc/billingRules/billingRules.js');
/** Declarations of core/ for force-app's tsconfig (`c/billingRules` maps to panelRules.d.ts here). */
export const PANEL_RULES_TYPES = path.join(ROOT, 'force-app/types/billingRules');

export async function buildPanelRules(
    outfile = PANEL_RULES_MODULE,
    typesDir = PANEL_RULES_TYPES
): Promise<void> {
    await build({
        entryPoints: [PANEL_RULES_ENTRY],
        bundle: true,
        format: 'esm',
        target: 'es2022',
        outfile,
        logLevel: 'silent',
        banner: { js: '// Generated from core/panelRules.ts by scripts/buildPanelRules.ts: do not edit.' }
    });
    const program = ts.createProgram([PANEL_RULES_ENTRY], {
        declaration: true,
        emitDeclarationOnly: true,
        strict: true,
        skipLibCheck: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        rootDir: path.join(ROOT, 'core'),
        outDir: typesDir
    });
    const emitted = program.emit();
    const errors = ts.getPreEmitDiagnostics(program).concat(emitted.diagnostics);
    if (errors.length > 0) {
        throw new Error(
            ts.formatDiagnostics(errors, {
                getCanonicalFileName: (name) => name,
                getCurrentDirectory: () => ROOT,
                getNewLine: () => '\n'
            })
        );
    }
}

if (require.main === module) {
    buildPanelRules().catch((error: unknown) => {
        console.error(error);
        process.exitCode = 1;
    });
}
