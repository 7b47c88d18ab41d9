import { createElement } from 'lwc';
import AuthorizationFooter from 'c/authorizationFooter';
import { flushPromises } from '../../../../../test/utils/flushPromises';
import { fireChange } from '../../../../../test/utils/authorize';
import TERMS from '../../../../../test/data/terms.json';

type Footer = HTMLElement & {
    shadowRoot: ShadowRoot;
    summary: string;
    termsText: string;
    termsVersion: string;
    busy: boolean;
};

async function render(): Promise<Footer> {
    const element = createElement('c-authorization-footer', { is: AuthorizationFooter }) as Footer;
    element.summary = 'Buy $100.00 of dialer minutes';
    element.termsText = TERMS.text;
    element.termsVersion = TERMS.version;
    document.body.appendChild(element);
    await flushPromises();
    return element;
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
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
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
        expect(handler.mock.calls[0][0].detail).toEqual({
            firstName: 'Ada',
            lastName: 'Admin',
            termsVersion: TERMS.version,
            accepted: true
        });
    });

    it('does not accept twice while the change is being sent', async () => {
        const element = await render();
        await fill(element, 'Ada', 'Admin', true);
        element.busy = true;
        await flushPromises();
        expect(acceptButton(element).disabled).toBe(true);
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
