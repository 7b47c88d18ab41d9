import { errorsOf } from '../testing/errorsOf';
import { checkDialerAccess } from './checkDialerAccess';
import { checkPoolCapacity } from './checkPoolCapacity';
import { choosePort } from './choosePort';

describe('R2.3 pooled license concurrency', () => {
    it('lets users in while the pool has room', () => {
        expect(checkPoolCapacity('DIALER', 4, 5)).toEqual({ ok: true, value: { available: 1 } });
    });

    it('locks out the next user when the pool is full, naming the license and how many are in use', () => {
        const result = checkPoolCapacity('DIALER', 5, 5);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.errors[0]).toMatchObject({
            code: 'pool_exhausted',
            httpStatus: 409,
            details: { license: 'DIALER', inUse: 5, quantity: 5 }
        });
        expect(result.errors[0]!.message).toBe(
            'All 5 Dialer (PowerDialer) licenses are in use (5 of 5); wait until someone finishes or raise the quantity.'
        );
    });
});

describe('R2.3 a pool the account never bought', () => {
    it('says the account has none instead of counting 0 of 0', () => {
        const errors = errorsOf(checkPoolCapacity('FAX', 0, 0));
        expect(errors[0]).toMatchObject({ code: 'pool_exhausted', details: { license: 'FAX', quantity: 0 } });
        expect(errors[0]!.message).toBe(
            'The account has no Fax licenses; your billing administrator can buy some.'
        );
    });
});

describe('R2.6 flex ports', () => {
    const quantities = { FLEX_PORT: 2, RECORDING_PORT: 1 };

    it('records on a recording port first, then on a flex port', () => {
        expect(choosePort({ purpose: 'recording', userHasFlexPort: false, inUse: {}, quantities })).toEqual({
            ok: true,
            value: { pool: 'RECORDING_PORT' }
        });
        expect(
            choosePort({
                purpose: 'recording',
                userHasFlexPort: false,
                inUse: { RECORDING_PORT: 1 },
                quantities
            })
        ).toEqual({
            ok: true,
            value: { pool: 'FLEX_PORT' }
        });
    });

    it('never uses recording ports for inbound calls, fax or voicemail', () => {
        for (const purpose of ['inbound', 'fax', 'voicemail'] as const) {
            const result = choosePort({
                purpose,
                userHasFlexPort: true,
                inUse: { FLEX_PORT: 2, RECORDING_PORT: 0 },
                quantities
            });
            expect(result.ok).toBe(false);
            if (!result.ok)
                expect(result.errors[0]).toMatchObject({
                    code: 'insufficient_ports',
                    details: { reason: 'all_ports_in_use' }
                });
        }
    });

    it('says "insufficient ports" when a voicemail sender has no Flex Port assignment (FAQ 3)', () => {
        const result = choosePort({ purpose: 'voicemail', userHasFlexPort: false, inUse: {}, quantities });
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.errors[0]).toMatchObject({
            code: 'insufficient_ports',
            details: { reason: 'no_flex_port_assignment' }
        });
        expect(result.errors[0]!.message).toMatch(
            /^Insufficient ports: this user has no Flex Port license assigned/
        );
    });

    it('refuses recording when both pools are full', () => {
        const result = choosePort({
            purpose: 'recording',
            userHasFlexPort: true,
            inUse: { FLEX_PORT: 2, RECORDING_PORT: 1 },
            quantities
        });
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.errors[0]!.message).toMatch(/all 2 flex ports are in use/);
    });
});

describe('R2.5 dialer access', () => {
    it('opens the dialer with Dialer Tab and Dialer assigned', () => {
        expect(checkDialerAccess(['CRM', 'DIALER_TAB', 'DIALER']).ok).toBe(true);
    });

    it.each([[['CRM']], [['CRM', 'DIALER_TAB']], [['CRM', 'DIALER']]] as const)(
        'says "you have no license for the dialer" to a user holding %j',
        (licenses) => {
            const result = checkDialerAccess(licenses);
            expect(result.ok).toBe(false);
            if (!result.ok) {
                expect(result.errors[0]).toMatchObject({ code: 'no_dialer_license', httpStatus: 403 });
                expect(result.errors[0]!.message).toMatch(/^You have no license for the dialer\./);
            }
        }
    );
});
