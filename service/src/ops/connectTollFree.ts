import { quantityOf } from '../../../core/index';
import type { Tx } from '../db/pool';
import { loadQuantities } from '../licenses/licenseRepository';
import {
    connectTollFreeLine,
    isTollFreeNumberConnected,
    listConnectedTollFreeLines,
    type TollFreeLine
} from '../licenses/tollFreeLineRepository';
import { opsError } from './opsError';

const UNIQUE_VIOLATION = '23505';
const TOLL_FREE_PREFIXES = ['800', '833', '844', '855', '866', '877', '888'];

/** `(800) 555-0199`, `1-800-555-0199`, `+18005550199` → `+18005550199`; refused unless a North American toll-free number. */
export function normalizeTollFreeNumber(text: string): string {
    const digits = text.replace(/[\s().-]/g, '').replace(/^\+/, '');
    const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
    const valid =
        /^[0-9]{10}$/.test(national) &&
        TOLL_FREE_PREFIXES.includes(national.slice(0, 3)) &&
        /^[2-9]/.test(national.slice(3));
    if (!valid) {
        throw opsError(
            'toll_free_number_invalid',
            `"${text}" is not a toll-free number (800, 833, 844, 855, 866, 877 or 888, ten digits).`
        );
    }
    return `+1${national}`;
}

/** R2 TOLL_FREE: hooks up a number, within the account's TOLL_FREE quantity, on one account only. */
export async function connectTollFree(
    tx: Tx,
    input: { accountId: string; phoneNumber: string; connectedBy: string; now: Date }
): Promise<{ before: TollFreeLine[]; line: TollFreeLine }> {
    const phoneNumber = normalizeTollFreeNumber(input.phoneNumber);
    const before = await listConnectedTollFreeLines(tx, input.accountId);
    const allowed = quantityOf(await loadQuantities(tx, input.accountId), 'TOLL_FREE');
    if (before.length >= allowed) {
        throw opsError(
            'toll_free_limit',
            `The account pays for ${allowed} toll-free line(s) and ${before.length} are connected; raise TOLL_FREE first.`,
            { allowed, connected: before.length }
        );
    }
    if (await isTollFreeNumberConnected(tx, phoneNumber)) {
        throw opsError('toll_free_taken', `${phoneNumber} is already connected.`);
    }
    try {
        const line = await connectTollFreeLine(tx, { ...input, phoneNumber });
        return { before, line };
    } catch (error) {
        // Another request connected the same number at the same moment (the unique index decided).
        if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
            throw opsError('toll_free_taken', `${phoneNumber} is already connected.`);
        }
        throw error;
    }
}
