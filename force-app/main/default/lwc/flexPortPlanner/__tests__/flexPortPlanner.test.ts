import FlexPortPlanner from 'c/flexPortPlanner';
import { erlangB } from 'c/billingRules';
import { mount, resetDom, textOf } from '../../../../../test/utils/dom';
import { fireChange } from '../../../../../test/utils/authorize';
import { flushPromises } from '../../../../../test/utils/flushPromises';

type Planner = HTMLElement & { shadowRoot: ShadowRoot };

async function render(): Promise<Planner> {
    return (await mount('c-flex-port-planner', FlexPortPlanner)) as Planner;
}

async function type(element: Planner, field: string, value: string): Promise<void> {
    fireChange(element.shadowRoot.querySelector(`lightning-input[data-field="${field}"]`), { value });
    await flushPromises();
}

function rows(element: Planner): string[][] {
    return Array.from(element.shadowRoot.querySelectorAll('table.uses tbody tr')).map((tr) =>
        Array.from(tr.children).map((cell) => cell.textContent ?? '')
    );
}

describe('c-flex-port-planner (R2.8)', () => {
    afterEach(() => resetDom());

    it("answers Company X as the documents do: 2 + 3 = 5 minimum, 7 recommended, with each choice's blocking", async () => {
        const element = await render();
        expect(rows(element)).toEqual([
            ['Voicemail drops', 'can wait: the average in use', '2', '2', '40.0%'],
            ['Inbound calls', 'callers must not wait: under 10% busy', '1.25', '3', '9.7%'],
            ['Recorded calls', 'live: under 10% busy', '0', '0', '0.0%']
        ]);
        expect(erlangB(3.25, 5)).toBeCloseTo(0.132, 3);
        expect(erlangB(3.25, 7)).toBeCloseTo(0.03, 3);
        expect(textOf(element, '.minimum')).toMatch(
            /^Bare minimum: 5 flex ports \(a call finds them all busy\s+13\.2% of the time\)\.$/
        );
        expect(textOf(element, '.recommended')).toMatch(
            /^Recommended: 7 flex ports, the minimum \+ 2 \(all busy\s+3\.0% of the time\)\.$/
        );
        expect(textOf(element, '.port-hours')).toBe('About 26 port-hours a day.');
    });

    it('recomputes as the admin types, and says what to enter instead of a plan for impossible input', async () => {
        const element = await render();
        await type(element, 'agents', '10');
        await type(element, 'recordedPercent', '50');
        // 5 Erlangs of live recording: 8 ports keep blocking under 10 %.
        expect(rows(element)[2]?.slice(2, 4)).toEqual(['5', '8']);
        await type(element, 'inboundPercent', '120');
        expect(element.shadowRoot.querySelector('table.uses')).toBeNull();
        expect(textOf(element, '.incomplete')).toContain('from 0 to 100%');
        await type(element, 'inboundPercent', '25');
        await type(element, 'agents', '2.5');
        expect(element.shadowRoot.querySelector('table.uses')).toBeNull();
    });

    it('is accessible', async () => {
        const element = await render();
        await expect(element).toBeAccessible();
    });
});
