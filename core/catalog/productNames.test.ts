import { LICENSE_CODES } from './licenses';
import { SERVICE_CODES } from './implementationServices';
import { productName } from './productNames';
import { PURCHASE_KIND_NAMES, REPORTED_KIND_NAMES } from './transactionNames';

/** An enum name (`DIALER_TAB`, `cycle`), not words. */
const CODE_LIKE = /_|^[a-z]+$/;

describe('what a person reads for products and kinds of transactions (no internal codes)', () => {
    it('names every license, service and other product a transaction line can carry', () => {
        expect(productName('DIALER_TAB')).toBe('Dialer Tab');
        expect(productName('STORAGE')).toBe('Storage');
        expect(productName('REFUND')).toBe('Refund');
        expect(productName('SOMETHING_NEW')).toBe('Other');
        for (const code of [...LICENSE_CODES, ...SERVICE_CODES, 'MINUTES', 'OTHER', 'CREDIT']) {
            expect(productName(code)).not.toMatch(CODE_LIKE);
        }
    });

    it('names each kind in words', () => {
        expect(PURCHASE_KIND_NAMES.cycle).toBe('Monthly bill');
        for (const name of [...Object.values(PURCHASE_KIND_NAMES), ...Object.values(REPORTED_KIND_NAMES)]) {
            expect(name).not.toMatch(CODE_LIKE);
        }
    });
});
