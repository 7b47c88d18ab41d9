import AuthorizationFooter from 'c/authorizationFooter';
import { flushPromises } from '../../../../../test/utils/flushPromises';
import { mount, recordScrollsIntoView, resetDom } from '../../../../../test/utils/dom';
import { fireChange } from '../../../../../test/utils/authorize';
import { AUTHORIZATION } from '../../../../../test/utils/panel';
import TERMS from '../../../../../test/data/terms.json';

type Footer = HTMLElement & { shadowRoot: ShadowRoot; change: Record<string, unknown> };

const CHANGE = {
    summary: 'Buy $100.00 of dialer minutes',
    termsText: TERMS.text,
    termsVersion: TERMS.version,
    busy: false,
    error: undefined,
    authorised: ''
};

async function render(): Promise<Footer> {
    return (await mount('c-authorization-footer', AuthorizationFooter, { change: CHANGE })) as Footer;
}

function acceptButton(element: Footer): HTMLElement & { disabled: boolean } {
    return element.shadowRoot.querySelector('lightning-button.accept') as HTMLElement & { disabled: boolean };
}

async function fill(element: Footer, first: string, last: string, accepted: boolean): Promise<void> {
    fireChange(element.shadowRoot.querySelector('lightning-input.first-name'), { value: first });
    fireChange(element.shadowRoot.querySelector('lightning-input.last-name'), { value: last });
    fireChange(element.shadowRoot.querySelector('lightning-input.terms-accepted'), { checked: accepted });
    await flushPromises();
}

describe('c-authorization-footer', () => {
    afterEach(() => {
        resetDom();
    });

    it('R9.1 shows the change and the terms, and keeps Accept off until both names and the terms are given', async () => {
        const element = await render();
        expect(element.shadowRoot.querySelector('.summary')?.textContent).toContain(
            'Buy $100.00 of dialer minutes'
        );
        expect(element.shadowRoot.querySelector('.terms-text')?.textContent).toBe(TERMS.text);
        expect(acceptButton(element).disabled).toBe(true);
        await fill(element, 'Ada', '  ', true);
        expect(acceptButton(element).disabled).toBe(true);
        await fill(element, 'Ada', 'Admin', false);
        expect(acceptButton(element).disabled).toBe(true);
    });

    it('R9.1 fires accept with the typed names and the terms version', async () => {
        const element = await render();
        const handler = jest.fn();
        element.addEventListener('accept', handler);
        await fill(element, ' Ada ', 'Admin', true);
        expect(acceptButton(element).disabled).toBe(false);
        acceptButton(element).click();
        expect(handler).toHaveBeenCalledTimes(1);
        expect(handler.mock.calls[0][0].detail).toEqual(AUTHORIZATION);
    });

    it('does not accept twice while the change is being sent', async () => {
        const element = await render();
        await fill(element, 'Ada', 'Admin', true);
        element.change = { ...CHANGE, busy: true };
        await flushPromises();
        expect(acceptButton(element).disabled).toBe(true);
    });

    it('R9.1 asks for the terms again for the next change, keeping the typed name', async () => {
        const element = await render();
        await fill(element, 'Ada', 'Admin', true);
        element.change = { ...CHANGE, summary: 'Turn off automatic recharge' };
        await flushPromises();
        expect(acceptButton(element).disabled).toBe(true);
        const firstName = element.shadowRoot.querySelector('lightning-input.first-name') as HTMLElement & {
            value: string;
        };
        expect(firstName.value).toBe('Ada');
    });

    it('shows nothing to accept when no change is pending, only the last outcome', async () => {
        const element = await render();
        element.change = {
            ...CHANGE,
            summary: '',
            authorised: 'Buy $100.00 of dialer minutes: authorised by Ada Admin, terms version 2026-01.'
        };
        await flushPromises();
        expect(element.shadowRoot.querySelector('lightning-button.accept')).toBeNull();
        expect(element.shadowRoot.querySelector('.authorised')?.textContent).toContain(
            'authorised by Ada Admin'
        );
    });

    it('shows why the change was refused', async () => {
        const element = await render();
        element.change = {
            ...CHANGE,
            error: { body: { code: 'payment_declined', message: 'Your card was declined.' } }
        };
        await flushPromises();
        const error = element.shadowRoot.querySelector('c-error-panel.change-error') as HTMLElement & {
            shadowRoot: ShadowRoot;
        };
        expect(error.shadowRoot.textContent).toContain('Your card was declined.');
    });

    it('brings the authorization into view and focuses it when a change opens, and a refusal when it comes', async () => {
        const scrolled = await recordScrollsIntoView(async () => {
            const element = await render();
            expect(element.shadowRoot.activeElement?.classList.contains('authorize')).toBe(true);
            element.change = {
                ...CHANGE,
                error: { body: { code: 'payment_declined', message: 'Declined.' } }
            };
            await flushPromises();
            expect(element.shadowRoot.activeElement?.classList.contains('refusal')).toBe(true);
            expect(element.shadowRoot.querySelector('.refusal')?.getAttribute('role')).toBe('alert');
            // Typing the name again re-renders, but the focus is not pulled away again.
            fireChange(element.shadowRoot.querySelector('lightning-input.first-name'), { value: 'Ada' });
            await flushPromises();
        });
        expect(scrolled).toEqual(['authorize', 'refusal']);
    });

    it('fires cancel', async () => {
        const element = await render();
        const handler = jest.fn();
        element.addEventListener('cancel', handler);
        (element.shadowRoot.querySelector('lightning-button.cancel') as HTMLElement).click();
        expect(handler).toHaveBeenCalledTimes(1);
    });

    it('is accessible', async () => {
        const element = await render();
        await expect(element).toBeAccessible();
    });
});
