import { isHardDecline, nextDunningDay } from './dunningSchedule';

describe('R4.2 the dunning schedule', () => {
    it('retries on the 3rd, 5th and 7th, then is exhausted', () => {
        expect([1, 2, 3, 4, 5, 6, 7, 8].map(nextDunningDay)).toEqual([3, 3, 5, 5, 7, 7, null, null]);
    });

    it('holds stolen, closed and expired sources until a source changes; retries soft declines', () => {
        expect(isHardDecline('stolen_card')).toBe(true);
        expect(isHardDecline('account_closed')).toBe(true);
        expect(isHardDecline('insufficient_funds')).toBe(false);
        expect(isHardDecline('card_declined')).toBe(false);
    });
});
