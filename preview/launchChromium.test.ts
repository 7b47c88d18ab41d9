import { access } from 'node:fs/promises';
import { chromiumCandidates, DEBIAN_CHROMIUM, launchChromium, NO_CHROMIUM } from './launchChromium';

jest.setTimeout(120_000);

async function opensAPage(candidates: Awaited<ReturnType<typeof chromiumCandidates>>): Promise<string> {
    const browser = await launchChromium(candidates);
    try {
        const page = await browser.newPage();
        await page.setContent('<button>Accept</button>');
        return await page.getByRole('button').innerText();
    } finally {
        await browser.close();
    }
}

describe('the browser tests find a Chromium that runs', () => {
    it('tries Debian chromium first, then the one npm install brought', async () => {
        expect((await chromiumCandidates(undefined)).map((candidate) => candidate.name)).toEqual([
            'debian',
            'npm'
        ]);
    });

    it('runs the Chromium from the npm package (a machine without Debian chromium)', async () => {
        expect(await opensAPage(await chromiumCandidates('npm'))).toBe('Accept');
    });

    it('runs Debian chromium when the machine has it', async () => {
        const present = await access(DEBIAN_CHROMIUM).then(
            () => true,
            () => false
        );
        if (!present) return;
        expect(await opensAPage(await chromiumCandidates('debian'))).toBe('Accept');
    });

    it('fails with one line saying what to install when none can run', async () => {
        const missing = {
            name: 'debian' as const,
            executablePath: () => Promise.resolve(undefined),
            args: []
        };
        const broken = {
            name: 'npm' as const,
            executablePath: () => Promise.resolve('/bin/false'),
            args: []
        };
        await expect(launchChromium([missing, broken])).rejects.toThrow(NO_CHROMIUM);
        expect(NO_CHROMIUM).not.toContain('\n');
    });
});
