import ErrorPanel from 'c/errorPanel';
import { mount, resetDom } from '../../../../../test/utils/dom';

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

    it('is accessible', async () => {
        const element = await render({ body: { message: 'No.' } });
        await expect(element).toBeAccessible();
    });
});
