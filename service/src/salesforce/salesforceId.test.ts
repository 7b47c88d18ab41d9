import { toSalesforceId18 } from './salesforceId';

describe('Salesforce ids (R1.1 company = 18-char org id)', () => {
    it('adds the checksum to a 15-character id', () => {
        expect(toSalesforceId18('00D000000000001', 'organization')).toBe('00D000000000001EAA');
        expect(toSalesforceId18('005Dn000001AbCd', 'user')).toBe('005Dn000001AbCdIAK');
    });

    it('accepts an 18-character id whose checksum matches, in either case', () => {
        expect(toSalesforceId18('005Dn000001AbCdIAK', 'user')).toBe('005Dn000001AbCdIAK');
        expect(toSalesforceId18('005Dn000001AbCdiak', 'user')).toBe('005Dn000001AbCdIAK');
    });

    it('refuses a wrong checksum, a wrong prefix, a wrong length and anything that is not an id', () => {
        expect(toSalesforceId18('005Dn000001AbCdAAA', 'user')).toBeUndefined();
        expect(toSalesforceId18('00D000000000001EAA', 'user')).toBeUndefined();
        expect(toSalesforceId18('005Dn000001AbC', 'user')).toBeUndefined();
        expect(toSalesforceId18("005' OR Id != '", 'user')).toBeUndefined();
        expect(toSalesforceId18("005Dn0000' OR '1", 'user')).toBeUndefined();
        expect(toSalesforceId18(42, 'user')).toBeUndefined();
        expect(toSalesforceId18(undefined, 'organization')).toBeUndefined();
    });
});
