/* `npx tsx bench/transactionsPanelBench.ts`: the Sales Transactions panel in Chromium against the real
   service with a long history (R8.2): navigation start → first row drawn, and a kind filter → rows
   replaced, for a baseline of 10 transactions and for 10,000 and 100,000 (seeded by a script). */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { fixedClock } from '../service/src/kernel/clock';
import { createLogger } from '../service/src/kernel/logger';
import { createLocalProcessor } from '../service/src/payments/localProcessor';
import { createIdentity } from '../service/src/salesforce/createIdentity';
import { buildTestApp } from '../service/src/testing/buildTestApp';
import { makeAccount } from '../service/src/testing/factories';
import { launchChromium } from '../preview/launchChromium';
import { buildPreviewServer } from '../preview/previewServer';
import { openBenchDatabase } from './benchDatabase';
import { seedManyTransactions } from './seedManyTransactions';

const SIZES = [10, 10_000, 100_000];
const RUNS = 3;
const ROW = 'c-sales-transactions-panel lightning-datatable tbody tr';

/** The machine's 1-minute load average, printed with the figures (they depend on it). */
function load(): string {
    return (loadavg()[0] ?? 0).toFixed(1);
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Navigation start → the first transaction row is in the page, in ms (the browser's own clock). */
async function firstRow(page: Page, url: string): Promise<number> {
    await page.goto(url, { waitUntil: 'commit' });
    await page.locator(ROW).first().waitFor({ timeout: 120_000 });
    return page.evaluate(() => performance.now());
}

/** A kind filter chosen → the rows shown are all of that kind, in ms (the browser's own clock). */
async function filterReplaces(page: Page): Promise<number> {
    const panel = page.locator('c-sales-transactions-panel');
    await panel.getByRole('combobox', { name: 'Kind' }).click();
    const option = panel.getByRole('option', { name: 'Dialer minutes' });
    await option.waitFor();
    // Watched inside the page at every frame (the rows sit in the components' shadow roots), so
    // the figure is not the test driver's round trips; started when the option is pressed.
    const replaced = page.evaluate(
        () =>
            new Promise<number>((resolve) => {
                let started = Number.NaN;
                const deep = (root: ParentNode, selector: string): Element[] => {
                    const all: Element[] = Array.from(root.querySelectorAll('*'));
                    return [
                        ...Array.from(root.querySelectorAll(selector)),
                        ...all.flatMap((element) =>
                            element.shadowRoot ? deep(element.shadowRoot, selector) : []
                        )
                    ];
                };
                document.addEventListener('pointerdown', () => (started = performance.now()), {
                    capture: true,
                    once: true
                });
                const check = () => {
                    const panel = deep(document, 'c-sales-transactions-panel')[0];
                    const rows = panel ? deep(panel.shadowRoot ?? panel, 'tbody tr') : [];
                    const texts = rows.map((row) => (row as HTMLElement).innerText);
                    if (
                        !Number.isNaN(started) &&
                        texts.length > 0 &&
                        texts.every((text) => text.includes('Dialer minutes'))
                    )
                        resolve(performance.now() - started);
                    else requestAnimationFrame(check);
                };
                requestAnimationFrame(check);
            })
    );
    await option.click();
    return replaced;
}

async function main(): Promise<void> {
    await promisify(execFile)(process.execPath, [
        require.resolve('tsx/cli'),
        path.join(__dirname, '../preview/build.ts')
    ]);
    const { db, close } = await openBenchDatabase();
    const now = new Date();
    const account = await makeAccount(db.pool, { name: 'Bench Sales', users: 1 });
    const identity = await createIdentity({
        pool: db.pool,
        clock: fixedClock(now),
        config: { mode: 'local' },
        demoOrgId: account.orgId,
        keyDir: await mkdtemp(path.join(tmpdir(), 'bench-issuer-'))
    });
    const app = await buildTestApp(db.pool, {
        processor: createLocalProcessor(db.pool),
        clock: fixedClock(now),
        logger: createLogger({ level: 'silent' }),
        ...identity
    });
    const front = await buildPreviewServer(app, {
        users: [{ id: account.admin.id, name: account.admin.name, orgId: account.orgId, isAdmin: true }]
    });
    const url = await front.listen({ port: 0, host: '127.0.0.1' });
    const browser = await launchChromium();
    // One context for every run, with a blank page kept open: the npm Chromium runs as a single
    // process, which ends when a context (or its last page) closes.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // tsx names the functions it compiles with a helper `__name`, which pages do not have.
    await context.addInitScript('globalThis.__name = (target) => target;');
    await context.newPage();
    let seeded = 0;
    const baseline: { nav: number; filter: number } = { nav: Number.NaN, filter: Number.NaN };
    try {
        console.log(
            `Sales Transactions panel in Chromium ${browser.version()}, median of ${RUNS} runs, load average ${load()}`
        );
        for (const size of SIZES) {
            await seedManyTransactions(db.pool, account.accountId, {
                count: size - seeded,
                now,
                days: 80,
                offset: seeded
            });
            seeded = size;
            const nav: number[] = [];
            const filter: number[] = [];
            for (let run = 0; run < RUNS; run++) {
                const page = await context.newPage();
                nav.push(await firstRow(page, url));
                filter.push(await filterReplaces(page));
                await page.close();
            }
            const result = { nav: median(nav), filter: median(filter) };
            if (size === 10) Object.assign(baseline, result);
            console.log(
                `${size.toLocaleString('en-US').padStart(8)} transactions: navigation → first row ${result.nav.toFixed(0)} ms (×${(result.nav / baseline.nav).toFixed(2)} of 10), filter → rows replaced ${result.filter.toFixed(0)} ms (×${(result.filter / baseline.filter).toFixed(2)}), load ${load()}`
            );
        }
    } finally {
        await browser.close();
        await front.close();
        await app.close();
        await close();
    }
}

main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
});
