import { access, constants } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';

/** Debian's package (`apt-get install chromium`), used when the machine has it. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

const COMMON_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export const NO_CHROMIUM =
    'No Chromium could start: run `npm install` (it brings @sparticuz/chromium) or `apt-get install chromium`.';

/** One Chromium the browser tests may try, and how to find its binary. */
export interface ChromiumCandidate {
    name: 'debian' | 'npm';
    executablePath(): Promise<string | undefined>;
    args: string[];
}

async function executable(file: string): Promise<string | undefined> {
    try {
        await access(file, constants.X_OK);
        return file;
    } catch {
        return undefined;
    }
}

/** The headless Chromium inside the npm package; unpacked to the temp folder on first use. */
async function npmChromium(): Promise<string | undefined> {
    try {
        const packaged = (await import('@sparticuz/chromium')).default;
        return await packaged.executablePath();
    } catch {
        return undefined;
    }
}

async function npmArgs(): Promise<string[]> {
    try {
        return (await import('@sparticuz/chromium')).default.args;
    } catch {
        return [];
    }
}

/**
 * Debian's chromium first, then the npm one. `CHROMIUM=npm` (or `CHROMIUM=debian`) forces one,
 * so both paths can be tried on a machine that has both.
 */
export async function chromiumCandidates(choice = process.env.CHROMIUM): Promise<ChromiumCandidate[]> {
    const debian: ChromiumCandidate = {
        name: 'debian',
        executablePath: () => executable(DEBIAN_CHROMIUM),
        args: ['--headless', ...COMMON_ARGS]
    };
    const npm: ChromiumCandidate = {
        name: 'npm',
        executablePath: npmChromium,
        args: [...(await npmArgs()), ...COMMON_ARGS]
    };
    if (choice === 'npm') return [npm];
    if (choice === 'debian') return [debian];
    return [debian, npm];
}

/** Launches the first candidate that starts; one line of instruction when none does. */
export async function launchChromium(candidates?: ChromiumCandidate[]): Promise<Browser> {
    for (const candidate of candidates ?? (await chromiumCandidates())) {
        const executablePath = await candidate.executablePath();
        if (executablePath === undefined) continue;
        try {
            return await chromium.launch({ executablePath, args: candidate.args });
        } catch {
            // This one cannot run here (missing libraries, wrong architecture): try the next.
        }
    }
    throw new Error(NO_CHROMIUM);
}
