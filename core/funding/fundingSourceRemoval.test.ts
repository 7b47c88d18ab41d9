import { removalRefusal } from './fundingSourceRemoval';

describe('R7.3 the last valid funding source cannot be removed', () => {
    const card = { id: 'card', expired: false };
    const bank = { id: 'bank', expired: false };
    const old = { id: 'old', expired: true };

    it('refuses the only valid source, even when an expired card is still listed', () => {
        expect(removalRefusal('card', [card])?.code).toBe('last_valid_source');
        expect(removalRefusal('card', [card, old])).toMatchObject({
            code: 'last_valid_source',
            message: expect.stringContaining('add another card or bank account') as string
        });
    });

    it('lets a source go while another valid one remains, and an expired one always', () => {
        expect(removalRefusal('card', [card, bank])).toBeUndefined();
        expect(removalRefusal('old', [card, old])).toBeUndefined();
        expect(removalRefusal('old', [old])).toBeUndefined();
    });
});
