import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildPanelRules } from './buildPanelRules';

/** A Lightning page loads every module it uses: the shared rules stay a few kilobytes. */
const BUDGET_BYTES = 20_000;

describe('c/billingRules: core rules bundled for the panels', () => {
    let dir: string;
    beforeAll(async () => {
        dir = await mkdtemp(path.join(tmpdir(), 'panel-rules-'));
        await buildPanelRules(path.join(dir, 'billingRules.js'), path.join(dir, 'types'));
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it('holds the rules the panels check, without zod, within its budget', async () => {
        const bundle = await readFile(path.join(dir, 'billingRules.js'), 'utf8');
        for (const name of [
            'cardProblems',
            'bankAccountProblems',
            'isEmailAddress',
            'removalRefusal',
            'planManualPurchase',
            'planFlexPorts',
            'erlangB',
            'validateAssignmentChanges'
        ]) {
            expect(bundle).toMatch(new RegExp(`export \\{[^}]*\\b${name}\\b`));
        }
        expect(bundle).not.toMatch(/zod/i);
        expect((await stat(path.join(dir, 'billingRules.js'))).size).toBeLessThan(BUDGET_BYTES);
    });

    it('emits the types force-app compiles against', async () => {
        const types = await readFile(path.join(dir, 'types/panelRules.d.ts'), 'utf8');
        expect(types).toContain("export * from './funding/fundingInputRules'");
    });
});
