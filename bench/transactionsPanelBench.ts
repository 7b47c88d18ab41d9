/* `npx tsx bench/transactionsPanelBench.ts`: the Sales Transactions panel in Chromium against the real
   service with a long history (R8.2): navigation start → first row drawn, and a kind filter → rows
   replaced, for a baseline of 10 transactions and for 10,000 and 100,000 (seeded by a script). */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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

/** A kind filter chosen → the rows shown are all of that kind, in ms. */
async function filterReplaces(page: Page): Promise<number> {
    const panel = page.locator('c-sales-transactions-panel');
    await panel.getByRole('combobox', { name: 'Kind' }).click();
    const option = panel.getByRole('option', { name: 'Dialer minutes' });
    await option.waitFor();
    const started = await page.evaluate(() => performance.now());
    await option.click();
    // Synthetic shadow hides the rows from document queries: poll through Playwright's locators.
    for (;;) {
        const texts = await page.locator(ROW).allInnerTexts();
        if (texts.length > 0 && texts.every((text) => text.includes('Dialer minutes'))) break;
        await page.waitForTimeout(10);
    }
    return (await page.evaluate(() => performance.now())) - started;
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
    let seeded = 0;
    const baseline: { nav: number; filter: number } = { nav: Number.NaN, filter: Number.NaN };
    try {
        console.log(`Sales Transactions panel in Chromium ${browser.version()}, median of ${RUNS} runs`);
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
                const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
                nav.push(await firstRow(page, url));
                filter.push(await filterReplaces(page));
                await page.close();
            }
            const result = { nav: median(nav), filter: median(filter) };
            if (size === 10) Object.assign(baseline, result);
            console.log(
                `${size.toLocaleString('en-US').padStart(8)} transactions: navigation → first row ${result.nav.toFixed(0)} ms (×${(result.nav / baseline.nav).toFixed(2)} of 10), filter → rows replaced ${result.filter.toFixed(0)} ms (×${(result.filter / baseline.filter).toFixed(2)})`
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
