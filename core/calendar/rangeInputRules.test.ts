import { MAX_RANGE_DAYS, rangeInputProblems } from './rangeInputRules';

describe('R8.2 the days an admin picks for a transaction listing', () => {
    it('lists a range of up to two years, both days included', () => {
        expect(rangeInputProblems('2026-08-25', '2026-11-22')).toEqual([]);
        expect(rangeInputProblems('2026-11-22', '2026-11-22')).toEqual([]);
        expect(rangeInputProblems('2024-11-22', '2026-11-22')).toEqual([]);
    });

    it('says a reversed range on "To" and one longer than two years on "From"', () => {
        expect(rangeInputProblems('2026-11-23', '2026-11-22')).toEqual([
            { field: 'to', message: 'The "To" day is before the "From" day: choose a later one.' }
        ]);
        expect(rangeInputProblems('2024-11-21', '2026-11-22')).toEqual([
            {
                field: 'from',
                message: `A range covers at most ${MAX_RANGE_DAYS} days (two years): choose a later "From" day.`
            }
        ]);
    });

    it('asks for each day left empty', () => {
        expect(rangeInputProblems('', '2026-11-22')).toEqual([{ field: 'from', message: 'Choose a day.' }]);
        expect(rangeInputProblems('', '')).toHaveLength(2);
    });
});
