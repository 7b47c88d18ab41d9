import fc from 'fast-check';
import { z } from 'zod';
import { EMAIL_ADDRESS_PATTERN, isEmailAddress } from './emailAddress';

describe('e-mail addresses: the same rule in the panels as in the service', () => {
    it("is zod's z.email() pattern, which the service's schemas use", () => {
        expect(EMAIL_ADDRESS_PATTERN.source).toBe(z.regexes.email.source);
        expect(EMAIL_ADDRESS_PATTERN.flags).toBe(z.regexes.email.flags);
    });

    it('accepts addresses and refuses what is not one', () => {
        expect(isEmailAddress('ap@example.com')).toBe(true);
        expect(isEmailAddress('first.last+billing@mail.example.co')).toBe(true);
        for (const bad of [
            '',
            'ap',
            'ap@',
            '@example.com',
            'ap@example',
            'a p@example.com',
            'ap@@example.com'
        ]) {
            expect(isEmailAddress(bad)).toBe(false);
        }
        expect(isEmailAddress(`${'a'.repeat(250)}@example.com`)).toBe(false);
    });

    it('agrees with z.email().max(254) on generated input', () => {
        const schema = z.email().max(254);
        fc.assert(
            fc.property(fc.oneof(fc.emailAddress(), fc.string()), (value) => {
                expect(isEmailAddress(value)).toBe(schema.safeParse(value).success);
            }),
            { numRuns: 300 }
        );
    });
});
