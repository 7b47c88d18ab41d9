import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import type { Browser, Locator, Page } from 'playwright-core';
import { addTestCard } from '../service/src/funding/testing';
import { fixedClock } from '../service/src/kernel/clock';
import { createLocalProcessor } from '../service/src/payments/localProcessor';
import { createOutboxMailer } from '../service/src/receipts/outboxMailer';
import type { Pool } from '../service/src/db/pool';
import { withTransaction } from '../service/src/db/withTransaction';
import { recordUsage } from '../service/src/minutes/recordUsage';
import { createIdentity } from '../service/src/salesforce/createIdentity';
import { buildTestApp } from '../service/src/testing/buildTestApp';
import { createTestDatabase, type TestDatabase } from '../service/src/testing/testDatabase';
import { makeAccount, TEST_NOW, type TestAccount } from '../service/src/testing/factories';
import { seedManyTransactions } from '../bench/seedManyTransactions';
import { launchChromium } from './launchChromium';
import { buildPreviewServer } from './previewServer';
import { formatUsd } from '../core/index';
import type { Answer } from '../force-app/main/default/lwc/billingApi/serviceRoutes';

// What the service answers, as the panels' types describe it (generated from its OpenAPI document).
type Assignments = Answer<'/accounts/{accountId}/assignments'>;
type QuantityPreview = Answer<'/accounts/{accountId}/quantities/preview', 'post'>;
type Licenses = Answer<'/accounts/{accountId}/licenses'>;
type FundingSources = Answer<'/accounts/{accountId}/funding-sources'>;
type Minutes = Answer<'/accounts/{accountId}/minutes'>;
type TransactionList = Answer<'/accounts/{accountId}/transactions'>;
type Recharge = Answer<'/accounts/{accountId}/minutes/recharge'>;

const SCREENSHOTS = path.resolve(__dirname, '../test-results/preview');
const STEP_TIMEOUT_MS = 15_000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DOCS_SCREENSHOTS = path.resolve(__dirname, '../docs/screenshots');
const PANEL_SCREENSHOTS = [
    ['c-products-panel', 'products'],
    ['c-billing-preferences-panel', 'billing-preferences'],
    ['c-dialer-minutes-panel', 'dialer-minutes'],
    ['c-sales-transactions-panel', 'sales-transactions']
] as const;

jest.setTimeout(240_000);

let db: TestDatabase | undefined;
let app: FastifyInstance;
let front: FastifyInstance | undefined;
let browser: Browser | undefined;
let page: Page;
let baseUrl: string;
let account: TestAccount;
let nonAdminId: string;
/** Where local mode (no SMTP_URL) writes each e-mailed receipt as an .eml file. */
let outbox: string;
const pageErrors: string[] = [];

/** What the service holds, asked as the admin with a fresh local-mode token (as the page does). */
async function api<T>(method: 'GET' | 'POST', url: string, payload?: unknown): Promise<T> {
    const token = await app.inject({
        method: 'POST',
        url: '/dev/token',
        payload: { userId: account.admin.id }
    });
    const headers: Record<string, string> = {
        authorization: `Bearer ${token.json<{ token: string }>().token}`
    };
    if (method === 'POST') headers['idempotency-key'] = randomUUID();
    const response = await app.inject({
        method,
        url: `/api/v1${url}`,
        headers,
        ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> })
    });
    if (response.statusCode >= 300)
        throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json<T>();
}

/** Chooses the user before the page starts (same origin, without loading the app), then opens it. */
async function openAs(userId: string): Promise<void> {
    await page.goto(new URL('/preview-config.json', baseUrl).toString());
    await page.evaluate((id) => {
        window.localStorage.setItem('powerdialer-preview-user', id);
    }, userId);
    await page.goto(baseUrl);
}

/** The shared footer inside `panel`: type the name, accept the terms, press Accept. */
async function authorize(panel: Locator): Promise<void> {
    const footer = panel.locator('c-authorization-footer');
    await footer.getByLabel('First name').fill('Ada');
    await footer.getByLabel('Last name').fill('Admin');
    await footer.getByText('I accept these terms and authorize this change').click();
    await footer.getByRole('button', { name: 'Accept' }).click();
}

/** Fixed names, so the screenshots in docs/ only change when the panels do. */
async function nameUsers(pool: Pool, users: TestAccount['users']): Promise<void> {
    const names = ['Ada Admin', 'Nora Noadmin', 'Ben Caller', 'Cy Newhire'];
    for (const [index, user] of users.entries()) {
        user.name = names[index] ?? user.name;
        await pool.query('UPDATE directory_users SET name = $2 WHERE user_id = $1', [user.id, user.name]);
    }
}

/** 30 days of dialer calls before today, a different length each day, so the chart and R5.3 have data. */
async function seedUsage(pool: Pool, accountId: string): Promise<void> {
    for (let day = 1; day <= 30; day++) {
        const occurredAt = new Date(TEST_NOW.getTime() - day * DAY_MS);
        const seconds = 60 * (30 + ((day * 37) % 90));
        await withTransaction(pool, (tx) =>
            recordUsage(tx, {
                accountId,
                smsRateCents: 1,
                batchId: `e2e-day-${day}`,
                events: [{ kind: 'call', seconds, occurredAt }],
                now: occurredAt
            })
        );
    }
}

/** Ticks the users × licenses box the way a person does: on its SLDS faux checkbox. */
async function tick(dialog: Locator, userId: string, license: string): Promise<void> {
    await dialog.locator(`lightning-input[data-field="${userId}|${license}"] .slds-checkbox_faux`).click();
}

/** Presses `button` in `panel` and returns the dialog (a lightning/modal) it opens, once its heading shows. */
async function openDialog(panel: Locator, button: string, heading = button): Promise<Locator> {
    await panel.getByRole('button', { name: button }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: heading }).waitFor();
    return dialog;
}

/** Waits until `target` holds the keyboard focus (where a keyboard or screen-reader user lands). */
async function focused(target: Locator): Promise<void> {
    await target.waitFor();
    for (let attempt = 0; attempt < 50; attempt++) {
        if (await target.evaluate((node) => node.matches(':focus'))) return;
        await page.waitForTimeout(100);
    }
    throw new Error('the element did not take the focus');
}

async function screenshot(name: string, target: Page | Locator = page): Promise<void> {
    await target.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

describe('preview: the billing panels in a browser against the real service', () => {
    beforeAll(async () => {
        // The LWC rollup plugin is ESM-only: build in a child process (kept when the inputs are unchanged).
        await promisify(execFile)(process.execPath, [
            require.resolve('tsx/cli'),
            path.join(__dirname, 'build.ts')
        ]);
        db = await createTestDatabase();
        account = await makeAccount(db.pool, {
            name: 'Acme Sales',
            users: 4,
            licenses: {
                CRM: { quantity: 5, floor: 3, assignedTo: 4 },
                DIALER_TAB: { quantity: 3, assignedTo: 1 },
                DIALER: { quantity: 3, assignedTo: 1 }
            }
        });
        await nameUsers(db.pool, account.users);
        nonAdminId = account.users[1]!.id;
        await seedUsage(db.pool, account.accountId);
        const processor = createLocalProcessor(db.pool);
        await addTestCard(db.pool, processor, account.accountId, TEST_NOW);
        // Local mode as `npm start` runs it: the page gets signed tokens from POST /dev/token.
        const identity = await createIdentity({
            pool: db.pool,
            clock: fixedClock(TEST_NOW),
            config: { mode: 'local' },
            demoOrgId: account.orgId,
            keyDir: await mkdtemp(path.join(tmpdir(), 'preview-issuer-'))
        });
        outbox = await mkdtemp(path.join(tmpdir(), 'preview-outbox-'));
        app = await buildTestApp(db.pool, { processor, mailer: createOutboxMailer(outbox), ...identity });
        front = await buildPreviewServer(app, {
            users: [
                { id: account.admin.id, name: account.admin.name, orgId: account.orgId, isAdmin: true },
                { id: nonAdminId, name: account.users[1]!.name, orgId: account.orgId, isAdmin: false }
            ]
        });
        baseUrl = await front.listen({ port: 0, host: '127.0.0.1' });
        await mkdir(SCREENSHOTS, { recursive: true });
        browser = await launchChromium();
        page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
        page.setDefaultTimeout(STEP_TIMEOUT_MS);
        page.on('pageerror', (error) => pageErrors.push(String(error)));
    });

    afterAll(async () => {
        await browser?.close();
        await front?.close();
        await (app as FastifyInstance | undefined)?.close();
        await db?.cleanup();
    });

    it('R1.4 shows a non-admin the admins-only page and no billing data', async () => {
        const asked: string[] = [];
        const record = (request: { url(): string }) => asked.push(new URL(request.url()).pathname);
        page.on('request', record);
        await openAs(nonAdminId);
        await page.getByText('Billing is for Salesforce admins').waitFor();
        page.off('request', record);
        expect(asked.filter((url) => url.startsWith('/api/'))).toEqual(['/api/v1/me']);
        expect(await page.locator('c-products-panel').count()).toBe(0);
        expect(await page.getByText('Acme Sales').count()).toBe(0);
        await screenshot('non-admin');
    });

    it('R1.1 shows the admin the account and its four panels', async () => {
        await openAs(account.admin.id);
        await page.getByRole('heading', { name: 'Acme Sales' }).waitFor();
        for (const tag of [
            'c-products-panel',
            'c-billing-preferences-panel',
            'c-dialer-minutes-panel',
            'c-sales-transactions-panel'
        ]) {
            await page.locator(tag).waitFor();
        }
        await screenshot('billing-summary');
    });

    it('R2.4 R9.2 assigns a license after Accept; the service then holds it', async () => {
        const products = page.locator('c-products-panel');
        const ben = account.users[2]!;
        const dialog = await openDialog(products, 'Assign Licenses');
        await dialog.getByRole('columnheader', { name: 'Dialer Tab (pool of 3, 3 free now)' }).waitFor();
        await tick(dialog, ben.id, 'DIALER_TAB');
        await dialog.getByRole('button', { name: 'Review changes' }).click();
        await authorize(dialog);
        await dialog.waitFor({ state: 'detached' });
        await products.getByText(`assign Dialer Tab to ${ben.name}: authorised by Ada Admin`).waitFor();
        const assignments = await api<Assignments>('GET', `/accounts/${account.accountId}/assignments`);
        expect(assignments.users.find((user) => user.id === ben.id)?.licenses).toContain('DIALER_TAB');
    });

    it('R2.4 refuses a license whose prerequisite is missing on its box, before the authorization opens', async () => {
        const products = page.locator('c-products-panel');
        const cy = account.users[3]!;
        const dialog = await openDialog(products, 'Assign Licenses');
        await tick(dialog, cy.id, 'DIALER');
        await dialog.getByRole('button', { name: 'Review changes' }).click();
        const refusal = dialog.getByRole('alert').filter({ hasText: 'These changes cannot be made yet' });
        await focused(refusal);
        expect(await refusal.innerText()).toContain(
            `${cy.name} needs Dialer Tab before they can be given Dialer`
        );
        expect(await dialog.getByLabel('First name').count()).toBe(0);
        await screenshot('products-refused');
        const assignments = await api<Assignments>('GET', `/accounts/${account.accountId}/assignments`);
        expect(assignments.users.find((user) => user.id === cy.id)?.licenses).not.toContain('DIALER');
        await dialog.getByRole('button', { name: 'Close', exact: true }).click();
        await dialog.getByRole('button', { name: 'Discard changes' }).click();
        await dialog.waitFor({ state: 'detached' });
    });

    it('R2.2 R2.3 Assign Licenses at 1280×800 and 800×1000: totals on the far right, every column reachable, a confirm before ticks are lost', async () => {
        const products = page.locator('c-products-panel');
        const ben = account.users[2]!;
        for (const [width, height] of [
            [1280, 800],
            [800, 1000]
        ] as const) {
            await page.setViewportSize({ width, height });
            const dialog = await openDialog(products, 'Assign Licenses');
            const totals = dialog.getByRole('complementary', { name: 'Available licenses' });
            // CRM: 5 bought, 4 assigned; Dialer Tab: a pool of 3 that Ada and Ben hold, none in use now.
            await totals.getByText('1 free').waitFor();
            expect(await totals.innerText()).toMatch(
                /Dialer Tab\s+3 of 3 free now\s+0 in use now; 2 users hold it/
            );
            const scroller = dialog.getByRole('region', {
                name: 'Users and their licenses (scrolls sideways)'
            });
            const headers = dialog.locator('th.license-column');
            expect(await headers.count()).toBe(10);
            // Long names wrap between words, never inside one.
            const brokenWords = await headers.evaluateAll((cells) =>
                cells.flatMap((cell) => {
                    const text = cell.querySelector('.license-name')?.firstChild;
                    if (!text?.textContent) return [];
                    const broken: string[] = [];
                    for (const match of text.textContent.matchAll(/\S+/g)) {
                        const range = document.createRange();
                        range.setStart(text, match.index);
                        range.setEnd(text, match.index + match[0].length);
                        const lines = new Set(
                            Array.from(range.getClientRects(), (rect) => Math.round(rect.top))
                        );
                        if (lines.size > 1) broken.push(match[0]);
                    }
                    return broken;
                })
            );
            expect(brokenWords).toEqual([]);
            // Scrolled to the far end, the last license column shows beside the user column, which stays put.
            await scroller.evaluate((node) => {
                node.scrollLeft = node.scrollWidth;
            });
            const area = (await scroller.boundingBox())!;
            const user = (await dialog.locator('th.user-column', { hasText: ben.name }).boundingBox())!;
            const last = (await headers.last().boundingBox())!;
            expect(Math.abs(user.x - area.x)).toBeLessThan(2);
            expect(last.x).toBeGreaterThanOrEqual(user.x + user.width - 1);
            expect(last.x + last.width).toBeLessThanOrEqual(area.x + area.width + 1);
            await screenshot(`assign-licenses-${width}x${height}`);
            if (width === 1280) {
                await tick(dialog, ben.id, 'FLEX_PORT');
                await page.keyboard.press('Escape');
                const question = dialog.getByRole('alertdialog', { name: 'Discard your unsaved changes?' });
                await focused(question);
                await question.getByRole('button', { name: 'Keep editing' }).click();
                expect(await dialog.getByLabel(`Flex Port for ${ben.name}`).isChecked()).toBe(true);
                await page.keyboard.press('Escape');
                await question.getByRole('button', { name: 'Discard changes' }).click();
            } else {
                await dialog.getByRole('button', { name: 'Close', exact: true }).click();
            }
            await dialog.waitFor({ state: 'detached' });
        }
        await page.setViewportSize({ width: 1400, height: 1000 });
        const assignments = await api<Assignments>('GET', `/accounts/${account.accountId}/assignments`);
        expect(assignments.users.find((user) => user.id === ben.id)?.licenses).not.toContain('FLEX_PORT');
    });

    it('R3.1 R3.4 buys licenses after previewing the prorated charge and new monthly total', async () => {
        const products = page.locator('c-products-panel');
        const dialog = await openDialog(products, 'Purchase Product Licenses');
        await dialog.getByLabel('CRM (now 5, floor 3)').fill('7');
        await dialog.getByRole('button', { name: 'Preview charge' }).click();
        const expected = await api<QuantityPreview>(
            'POST',
            `/accounts/${account.accountId}/quantities/preview`,
            {
                quantities: { CRM: 7 }
            }
        );
        // 2 × $65.00 × 9 days left of 30 (22 Nov, today included) = $39.00
        expect(expected.plan?.chargeNow).toBe(3900);
        await dialog.getByText('Charge now: $39.00').waitFor();
        expect(await dialog.locator('.preview-totals').innerText()).toContain(
            formatUsd(expected.plan?.monthlyRecurringTotal ?? 0)
        );
        await mkdir(DOCS_SCREENSHOTS, { recursive: true });
        // The dialog over the page, as in Lightning, once the last step's toast has gone.
        await page.locator('#toasts .slds-notify').first().waitFor({ state: 'detached' });
        await page.screenshot({ path: path.join(DOCS_SCREENSHOTS, 'purchase-licenses.png') });
        await dialog.getByRole('button', { name: 'Purchase', exact: true }).click();
        await authorize(dialog);
        await dialog.waitFor({ state: 'detached' });
        await products.getByText('new monthly total').waitFor();
        expect(await products.locator('c-authorization-footer .authorised').innerText()).toContain(
            'charge now $39.00'
        );
        const licenses = await api<Licenses>('GET', `/accounts/${account.accountId}/licenses`);
        expect(licenses.licenses.find((line) => line.code === 'CRM')?.purchased).toBe(7);
        await screenshot('products', products);
    });

    it('R2.8 answers how many flex ports Company X needs, and recomputes as the admin types', async () => {
        const planner = page.locator('c-products-panel c-flex-port-planner');
        await planner.getByText('Bare minimum: 5 flex ports').waitFor();
        await planner.getByText('Recommended: 7 flex ports').waitFor();
        await planner
            .getByRole('row', { name: /Inbound calls/ })
            .getByText('9.7%')
            .waitFor();
        await planner.getByLabel('Agents on the dialer').fill('10');
        // 10 agents: 4 voicemail + 5 inbound (2.5 Erlangs under 10 % blocking) = 9, 11 recommended.
        await planner.getByText('Bare minimum: 9 flex ports').waitFor();
        await planner.getByText('Recommended: 11 flex ports').waitFor();
        await screenshot('flex-port-planner', planner);
        await planner.getByLabel('Agents on the dialer').fill('5');
    });

    it('R7.1 R7.4 adds a card and makes it primary', async () => {
        const preferences = page.locator('c-billing-preferences-panel');
        const dialog = await openDialog(preferences, 'Add Funding Source');
        await dialog.getByLabel('Holder first name').fill('Grace');
        await dialog.getByLabel('Holder last name').fill('Hopper');
        // A check-digit typo and an eight-digit year are caught on their fields before any authorization.
        await dialog.getByLabel('Card number').fill('5555 5555 5555 4445');
        await dialog.getByLabel('Exp. month').fill('12');
        await dialog.getByLabel('Exp. year').fill('20202030');
        await dialog.getByLabel('Security code').fill('123');
        await dialog.getByRole('button', { name: 'Add', exact: true }).click();
        await dialog.getByText('The card number is not valid. Check the digits and try again.').waitFor();
        await dialog.getByText('The expiry year must be a four-digit year, such as 2031.').waitFor();
        expect(await dialog.locator('c-authorization-footer section').count()).toBe(0);
        await screenshot('add-card-checked');
        await dialog.getByLabel('Card number').fill('5555 5555 5555 4444');
        await dialog.getByLabel('Exp. year').fill('2031');
        await dialog.getByRole('button', { name: 'Add', exact: true }).click();
        // The authorization opens in view, focused.
        await screenshot('add-card-second');
        await dialog.getByText('Authorize: Add card ending 4444 held by Grace Hopper').waitFor();
        await focused(dialog.locator('c-authorization-footer section'));
        await authorize(dialog);
        await dialog.waitFor({ state: 'detached' });
        await preferences
            .getByText('Add card ending 4444 held by Grace Hopper: authorised by Ada Admin')
            .waitFor();
        await preferences.getByText('Mastercard ending 4444').waitFor();
        let sources = await api<FundingSources>('GET', `/accounts/${account.accountId}/funding-sources`);
        const added = sources.fundingSources.find((source) => source.last4 === '4444');
        expect(added).toMatchObject({ kind: 'card', holderFirstName: 'Grace', holderLastName: 'Hopper' });

        await preferences
            .locator('li.source', { hasText: 'Mastercard ending 4444' })
            .getByRole('button', { name: 'Make primary' })
            .click();
        await authorize(preferences);
        await preferences.getByText('the primary funding source: authorised by Ada Admin').waitFor();
        sources = await api<FundingSources>('GET', `/accounts/${account.accountId}/funding-sources`);
        expect(sources.fundingSources.find((source) => source.last4 === '4444')?.role).toBe('primary');
        await screenshot('billing-preferences', preferences);
    });

    it('R1.3 offers only active Salesforce admins as billing administrator, and says when no other can take over', async () => {
        const preferences = page.locator('c-billing-preferences-panel');
        const nora = account.users[1]!;
        // Ada is the account's only admin and already its billing administrator: Nora (no admin rights) is not offered.
        await preferences.getByText('No other active Salesforce admin can take over.').waitFor();
        const picker = preferences.getByRole('combobox', { name: 'New billing administrator' });
        expect(await picker.isDisabled()).toBe(true);
        expect(await preferences.getByRole('option', { name: `${nora.name} (${nora.email})` }).count()).toBe(
            0
        );
        expect(await preferences.getByRole('button', { name: 'Change', exact: true }).isDisabled()).toBe(
            true
        );
    });

    it('R5.2 buys dialer minutes and R5.3 turns on automatic recharge at the amounts shown', async () => {
        const minutes = page.locator('c-dialer-minutes-panel');
        const before = await api<Minutes>('GET', `/accounts/${account.accountId}/minutes`);
        await minutes.getByLabel('Purchase amount (dollars, at least $100.00)').fill('150');
        await minutes.getByRole('button', { name: 'Buy minutes' }).click();
        await authorize(minutes);
        await minutes.getByText(/Buy \$150\.00 of dialer minutes: authorised by Ada Admin/).waitFor();
        const after = await api<Minutes>('GET', `/accounts/${account.accountId}/minutes`);
        expect(after.balanceCents).toBe(before.balanceCents + 15000);
        await minutes.getByText(`Balance: ${formatUsd(after.balanceCents)}`).waitFor();

        // R5.3: 30 days of seeded usage → recharge = daily average × 14, threshold = × 7.
        const preview = await api<Recharge>('GET', `/accounts/${account.accountId}/minutes/recharge`);
        expect(preview.rechargeAmountCents).toBeGreaterThan(0);
        await minutes.getByText('Automatic recharge').click();
        const summary = `Turn on automatic recharge: ${formatUsd(preview.rechargeAmountCents)} whenever the balance falls below ${formatUsd(preview.thresholdCents)}`;
        await minutes.getByText(`Authorize: ${summary}`).waitFor();
        // The switch shows the accepted state: Off until the service has it On.
        const toggle = minutes.locator('lightning-input.recharge input');
        expect(await toggle.isChecked()).toBe(false);
        await minutes
            .getByText('Automatic recharge stays Off until you accept turning it on below.')
            .waitFor();
        await authorize(minutes);
        await minutes.getByText(`${summary}: authorised by Ada Admin`).waitFor();
        // On once the panel has reloaded what the service now holds.
        await minutes.locator('lightning-input.recharge input:checked').waitFor();
        const recharge = await api<Recharge>('GET', `/accounts/${account.accountId}/minutes/recharge`);
        expect(recharge.enabled).toBe(true);
        await screenshot('dialer-minutes', minutes);
    });

    it('R8.2 filters transactions by kind, with totals by kind, as the service lists them', async () => {
        const transactions = page.locator('c-sales-transactions-panel');
        await transactions.getByRole('combobox', { name: 'Kind' }).click();
        await transactions.getByRole('option', { name: 'Dialer minutes' }).click();
        const expected = await api<TransactionList>(
            'GET',
            `/accounts/${account.accountId}/transactions?from=2026-08-24&to=2026-11-22&kind=minutes`
        );
        expect(expected.transactions).toHaveLength(1);
        const minutesPurchase = expected.transactions[0]!;
        await transactions.getByRole('button', { name: minutesPurchase.number }).waitFor();
        expect(await transactions.locator('dd.minutes').innerText()).toBe(formatUsd(expected.totals.minutes));
        const all = await api<TransactionList>(
            'GET',
            `/accounts/${account.accountId}/transactions?from=2026-08-24&to=2026-11-22`
        );
        for (const other of all.transactions.filter((item) => item.kind !== 'minutes')) {
            expect(await transactions.getByRole('button', { name: other.number }).count()).toBe(0);
        }
        await screenshot('sales-transactions', transactions);
    });

    it('R8.3 R9.2 opens the itemised receipt of a TRX # in a modal and e-mails it after Accept', async () => {
        const transactions = page.locator('c-sales-transactions-panel');
        const list = await api<TransactionList>(
            'GET',
            `/accounts/${account.accountId}/transactions?from=2026-08-24&to=2026-11-22&kind=minutes`
        );
        const number = list.transactions[0]!.number;
        await transactions.getByRole('button', { name: number }).click();
        const modal = page.getByRole('dialog');
        await modal.getByRole('heading', { name: `Receipt ${number}` }).waitFor();
        await modal.getByText('Total: $150.00').waitFor();
        await modal.getByText('Dialer minutes: 7,500 minutes').waitFor();
        await modal.getByRole('button', { name: 'Print' }).waitFor();
        await screenshot('receipt');

        await modal.getByLabel('E-mail the receipt to').fill('ap@example');
        await modal.getByRole('button', { name: 'Email', exact: true }).click();
        await modal.getByText('Enter an e-mail address, such as ap@example.com.').waitFor();
        expect(await modal.locator('c-authorization-footer section').count()).toBe(0);
        await modal.getByLabel('E-mail the receipt to').fill('ap@example.com');
        await modal.getByRole('button', { name: 'Email', exact: true }).click();
        expect(await readdir(outbox)).toEqual([]);
        await authorize(modal);
        await modal.getByText('Receipt sent to ap@example.com: authorised by Ada Admin').waitFor();
        const sent = await readdir(outbox);
        expect(sent).toHaveLength(1);
        const message = await readFile(path.join(outbox, sent[0]!), 'utf8');
        expect(message).toContain('To: ap@example.com');
        expect(message).toMatch(new RegExp(`filename="?${number}\\.pdf`));
        await modal.getByRole('button', { name: 'Close', exact: true }).click();
        await modal.waitFor({ state: 'detached' });
    });

    it('saves the four panels for the README', async () => {
        await openAs(account.admin.id);
        await page.locator('c-sales-transactions-panel').getByText('Dialer minutes').first().waitFor();
        await mkdir(DOCS_SCREENSHOTS, { recursive: true });
        for (const [tag, name] of PANEL_SCREENSHOTS) {
            const panel = page.locator(tag);
            await panel.locator('lightning-card').waitFor();
            await panel.screenshot({ path: path.join(DOCS_SCREENSHOTS, `${name}.png`) });
        }
    });

    // Issue 13: the blocks below reload the page; the paging one adds 30 transactions, so it runs last.
    test('R7.1 refuses an empty Add card form on its fields, before any authorization opens', async () => {
        const preferences = page.locator('c-billing-preferences-panel');
        const dialog = await openDialog(preferences, 'Add Funding Source');
        await dialog.getByRole('button', { name: 'Add', exact: true }).click();
        for (const message of [
            'Enter the card number.',
            'The expiry month must be a number from 1 to 12.',
            'The expiry year must be a four-digit year, such as 2031.',
            'The security code is the 3 or 4 digits printed on the card.'
        ]) {
            await dialog.getByText(message).waitFor();
        }
        expect(
            await dialog
                .getByText(
                    'Enter the first and last name of the person authorised to use this funding source.'
                )
                .count()
        ).toBeGreaterThan(0);
        expect(await dialog.locator('c-authorization-footer section').count()).toBe(0);
        await dialog.getByRole('button', { name: 'Close', exact: true }).click();
        await dialog.waitFor({ state: 'detached' });
    });

    test('R8.3 has Print | Email beside each transaction; Print prints the receipt alone', async () => {
        // Every frame's print() records what it would print (headless Chromium has no printer).
        await page.addInitScript({
            content:
                'window.print = function () { (window.top.printed = window.top.printed || []).push(document.body.innerText); };'
        });
        await openAs(account.admin.id);
        const transactions = page.locator('c-sales-transactions-panel');
        const list = await api<TransactionList>(
            'GET',
            `/accounts/${account.accountId}/transactions?limit=25`
        ); // the panel's page
        const rows = transactions.locator('lightning-datatable tbody tr');
        await rows.nth(list.transactions.length - 1).waitFor();
        for (const [index, transaction] of list.transactions.entries()) {
            const row = rows.nth(index);
            expect(await row.getByRole('button', { name: transaction.number }).count()).toBe(1);
            expect(await row.getByRole('button', { name: 'Print' }).count()).toBe(1);
            expect(await row.getByRole('button', { name: 'Email' }).count()).toBe(1);
        }
        const first = list.transactions[0]!;
        await rows.nth(0).getByRole('button', { name: 'Print' }).click();
        const modal = page.getByRole('dialog');
        await modal.getByRole('heading', { name: `Receipt ${first.number}` }).waitFor();
        await page.waitForFunction(() => ((window as { printed?: string[] }).printed ?? []).length > 0);
        const printed = await page.evaluate(() => (window as { printed?: string[] }).printed ?? []);
        // Printed once, from the receipt's own frame: the receipt and nothing of the page behind it.
        expect(printed).toHaveLength(1);
        expect(printed[0]).toContain(`Receipt ${first.number}`);
        expect(printed[0]).toContain(`Total: ${formatUsd(first.totalCents)}`);
        for (const other of ['Sales Transactions', 'Acme Sales', 'E-mail the receipt to', 'Close'])
            expect(printed[0]).not.toContain(other);
        await modal.getByRole('button', { name: 'Close', exact: true }).click();
        await modal.waitFor({ state: 'detached' });

        const second = list.transactions[1]!;
        await rows.nth(1).getByRole('button', { name: 'Email' }).click();
        await modal.getByRole('heading', { name: `Receipt ${second.number}` }).waitFor();
        await focused(modal.getByLabel('E-mail the receipt to'));
        await modal.getByRole('button', { name: 'Close', exact: true }).click();
        await modal.waitFor({ state: 'detached' });
    });

    test('R2.8 shows Company X per use: 2 voicemail + 3 inbound = 5 minimum, 7 recommended, with Erlang B blocking', async () => {
        const planner = page.locator('c-products-panel c-flex-port-planner');
        const cells = (use: string) => planner.getByRole('row', { name: use }).locator('td').allInnerTexts();
        await planner.locator('table.uses').waitFor();
        expect(await cells('Voicemail drops')).toEqual(['can wait: the average in use', '2', '2', '40.0%']);
        expect(await cells('Inbound calls')).toEqual([
            'callers must not wait: under 10% busy',
            '1.25',
            '3',
            '9.7%'
        ]);
        expect(await cells('Recorded calls')).toEqual(['live: under 10% busy', '0', '0', '0.0%']);
        expect(await planner.locator('.minimum').innerText()).toMatch(
            /^Bare minimum: 5 flex ports \(a call finds them all busy\s+13\.2% of the time\)\.$/
        );
        expect(await planner.locator('.recommended').innerText()).toMatch(
            /^Recommended: 7 flex ports, the minimum \+ 2 \(all busy\s+3\.0% of the time\)\.$/
        );
    });

    test('R8.2 shows a long range a page at a time and loads the next page on Load more', async () => {
        await seedManyTransactions(db!.pool, account.accountId, { count: 30, now: TEST_NOW, days: 80 });
        await openAs(account.admin.id);
        const transactions = page.locator('c-sales-transactions-panel');
        // The panel asks 25 a page.
        const url = `/accounts/${account.accountId}/transactions?limit=25`;
        const first = await api<TransactionList>('GET', url);
        expect(first.nextCursor).not.toBeNull();
        const second = await api<TransactionList>('GET', `${url}&cursor=${first.nextCursor}`);
        expect(second.nextCursor).toBeNull();
        const rows = transactions.locator('lightning-datatable tbody tr');
        await rows.nth(first.transactions.length - 1).waitFor();
        expect(await rows.count()).toBe(first.transactions.length);
        // The totals are those of the whole range, not of the page shown.
        expect(await transactions.locator('dd.licenses').innerText()).toBe(formatUsd(first.totals.licenses));
        await transactions.getByRole('button', { name: 'Load more' }).click();
        const all = [...first.transactions, ...second.transactions];
        await rows.nth(all.length - 1).waitFor();
        expect(await rows.count()).toBe(all.length);
        expect(
            await rows
                .nth(all.length - 1)
                .getByRole('button')
                .first()
                .innerText()
        ).toBe(all.at(-1)!.number);
        expect(await transactions.getByRole('button', { name: 'Load more' }).count()).toBe(0);
        await screenshot('sales-transactions-paged', transactions);
    });

    it('raised no uncaught error in the page', () => {
        expect(pageErrors).toEqual([]);
    });
});
