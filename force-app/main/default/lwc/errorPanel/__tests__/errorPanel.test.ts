import ErrorPanel from 'c/errorPanel';
import { mount, resetDom } from '../../../../../test/utils/dom';
import { flushPromises } from '../../../../../test/utils/flushPromises';

type Panel = HTMLElement & { shadowRoot: ShadowRoot; errors: unknown; friendlyMessage: string };

async function render(errors: unknown, friendlyMessage?: string): Promise<Panel> {
    return (await mount(
        'c-error-panel',
        ErrorPanel,
        friendlyMessage ? { errors, friendlyMessage } : { errors }
    )) as Panel;
}

describe('c-error-panel', () => {
    afterEach(() => {
        resetDom();
    });

    it('shows the service sentence of each error under the friendly message', async () => {
        const element = await render(
            [
                {
                    body: {
                        code: 'last_funding_source',
                        message: 'The last valid funding source cannot be removed.'
                    }
                },
                new Error('Timed out')
            ],
            'The change was refused.'
        );
        expect(element.shadowRoot.querySelector('.friendly-message')?.textContent).toBe(
            'The change was refused.'
        );
        const lines = Array.from(element.shadowRoot.querySelectorAll('li')).map((li) => li.textContent);
        expect(lines).toEqual(['The last valid funding source cannot be removed.', 'Timed out']);
    });

    it('shows only the default sentence when there is nothing to read', async () => {
        const element = await render(undefined);
        expect(element.shadowRoot.querySelector('.friendly-message')?.textContent).toBe(
            'The billing service could not complete this.'
        );
        expect(element.shadowRoot.querySelector('ul')).toBeNull();
    });

    describe('a refusal is brought into view and focused', () => {
        const scrolled: string[] = [];
        beforeEach(() => {
            scrolled.length = 0;
            // jsdom lays nothing out, so it has no scrollIntoView: record the calls instead.
            Object.defineProperty(HTMLElement.prototype, 'scrollIntoView', {
                configurable: true,
                value(this: HTMLElement) {
                    scrolled.push(this.textContent ?? '');
                }
            });
        });
        afterEach(() => delete (HTMLElement.prototype as { scrollIntoView?: unknown }).scrollIntoView);

        it('when it appears, and again only when it says something new', async () => {
            const element = await render(
                { body: { code: 'license_floor', message: 'CRM cannot go below 10.' } },
                'This change is not allowed:'
            );
            const alert = element.shadowRoot.activeElement;
            expect(alert?.getAttribute('role')).toBe('alert');
            expect(alert?.textContent).toContain('CRM cannot go below 10.');
            expect(scrolled).toHaveLength(1);
            // The same words handed again (a re-render of the dialog) do not pull the focus back.
            element.errors = [{ body: { code: 'license_floor', message: 'CRM cannot go below 10.' } }];
            await flushPromises();
            expect(scrolled).toHaveLength(1);
            element.errors = { body: { code: 'license_floor', message: 'CRM cannot go below 12.' } };
            await flushPromises();
            expect(scrolled).toHaveLength(2);
            expect(scrolled[1]).toContain('CRM cannot go below 12.');
        });

        it('not when quiet (a panel failing to load as the page opens)', async () => {
            const element = await mount('c-error-panel', ErrorPanel, {
                errors: new Error('Timed out'),
                quiet: true
            });
            expect((element as Panel).shadowRoot.activeElement).toBeNull();
            expect(scrolled).toEqual([]);
        });
    });

    it('is accessible', async () => {
        const element = await render({ body: { message: 'No.' } });
        await expect(element).toBeAccessible();
    });
});
