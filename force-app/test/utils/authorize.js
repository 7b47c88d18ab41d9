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
