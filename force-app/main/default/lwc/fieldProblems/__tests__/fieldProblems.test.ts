import { clearFieldProblem, landOn, showFieldProblems } from 'c/fieldProblems';
import { recordScrollsIntoView } from '../../../../../test/utils/dom';

/** An input as the base components are: it keeps the message set on it and can take the focus. */
function input(field: string): HTMLInputElement & { shown: string } {
    const element = document.createElement('input') as HTMLInputElement & { shown: string };
    element.dataset.field = field;
    element.shown = '';
    element.setCustomValidity = (message: string) => {
        element.shown = message;
    };
    element.reportValidity = () => element.shown === '';
    return element;
}

describe('c/fieldProblems: errors on the field, before the authorization opens', () => {
    afterEach(() => document.body.replaceChildren());

    it('shows each problem on its own field, clears the others, and focuses the first in error', () => {
        const [number, month, cvc] = [input('number'), input('expMonth'), input('cvc')];
        document.body.append(number, month, cvc);
        cvc.shown = 'old problem';
        const ok = showFieldProblems(document.body, [
            { field: 'expMonth', message: 'The expiry date must be a month (1-12) and a four-digit year.' },
            { field: 'cvc', message: 'The security code is the 3 or 4 digits printed on the card.' }
        ]);
        expect(ok).toBe(false);
        expect([number.shown, month.shown, cvc.shown]).toEqual([
            '',
            'The expiry date must be a month (1-12) and a four-digit year.',
            'The security code is the 3 or 4 digits printed on the card.'
        ]);
        expect(document.activeElement).toBe(month);
    });

    it('lets the form go on when nothing is wrong', () => {
        const number = input('number');
        number.shown = 'stale';
        document.body.append(number);
        expect(showFieldProblems(document.body, [])).toBe(true);
        expect(number.shown).toBe('');
    });

    it('clears the field being corrected', () => {
        const number = input('number');
        number.shown = 'The card number is not valid.';
        clearFieldProblem(number);
        expect(number.shown).toBe('');
        expect(() => clearFieldProblem(null)).not.toThrow();
    });

    it('lands on what just appeared: scrolled into view and focused; nothing to land on is no error', async () => {
        const refusal = document.createElement('div');
        refusal.className = 'refusal';
        refusal.tabIndex = -1;
        document.body.append(refusal);
        const scrolled = await recordScrollsIntoView(() => {
            landOn(refusal);
            landOn(null);
        });
        expect(scrolled).toEqual(['refusal']);
        expect(document.activeElement).toBe(refusal);
    });
});
