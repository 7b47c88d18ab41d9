import { isCents } from './cents';

describe('R8.4 money is integer cents', () => {
    it('accepts whole cents and refuses fractions', () => {
        expect(isCents(1999)).toBe(true);
        expect(isCents(19.99)).toBe(false);
    });
});
