import { flushPromises } from './flushPromises';

/** Sends a `change` event from a base component, as the real one would. */
export function fireChange(element, detail) {
    if (!element) throw new Error('element to change not found');
    element.dispatchEvent(new CustomEvent('change', { detail }));
}

/** Fills the shared authorization footer inside `root` like an admin would, and presses Accept. */
export async function authorize(root, firstName = 'Ada', lastName = 'Admin') {
    const footer = root.querySelector('c-authorization-footer');
    if (!footer) throw new Error('no authorization footer shown');
    const inner = footer.shadowRoot;
    fireChange(inner.querySelector('lightning-input.first-name'), { value: firstName });
    fireChange(inner.querySelector('lightning-input.last-name'), { value: lastName });
    fireChange(inner.querySelector('lightning-input.terms-accepted'), { checked: true });
    await flushPromises();
    inner.querySelector('lightning-button.accept').click();
    await flushPromises();
}

function footerOf(root) {
    const footer = root.querySelector('c-authorization-footer');
    if (!footer) throw new Error('no authorization footer in this panel');
    return footer;
}

/** The change waiting for Accept in the panel's footer ('' when none). */
export function pendingSummary(root) {
    return footerOf(root).change.summary;
}

/** The panel's "what was authorised" line after an accepted change. */
export function authorisedText(root) {
    return footerOf(root).shadowRoot.querySelector('.authorised')?.textContent ?? '';
}

/** The refusal the panel's footer shows for the last attempt. */
export function changeErrorText(root) {
    const panel = footerOf(root).shadowRoot.querySelector('c-error-panel.change-error');
    return panel ? panel.shadowRoot.textContent : '';
}
