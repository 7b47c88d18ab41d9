/* global document, HTMLElement */
import { createElement } from 'lwc';
import { flushPromises } from './flushPromises';

/** Creates `tag`, sets its public properties, appends it and lets it render. */
export async function mount(tag, constructor, properties = {}) {
    const element = createElement(tag, { is: constructor });
    Object.assign(element, properties);
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

/** Removes every mounted component (call in afterEach). */
export function resetDom() {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
}

/** Text of the first `selector` in `element`'s shadow root ('' when absent). */
export function textOf(element, selector) {
    return element.shadowRoot.querySelector(selector)?.textContent ?? '';
}

/** Text inside the shadow of the child component found by `selector` (e.g. a c-error-panel). */
export function innerTextOf(element, selector) {
    return element.shadowRoot.querySelector(selector)?.shadowRoot.textContent ?? '';
}

/** Clicks the first `selector` in `element`'s shadow root, failing loudly when it is absent. */
export function clickOn(element, selector) {
    const target = element.shadowRoot.querySelector(selector);
    if (!target) throw new Error(`${selector} not found`);
    target.click();
}

/**
 * jsdom lays nothing out, so it has no scrollIntoView: records, for the duration of `run`, the first
 * class of each element scrolled into view, and returns them.
 */
export async function recordScrollsIntoView(run) {
    const scrolled = [];
    Object.defineProperty(HTMLElement.prototype, 'scrollIntoView', {
        configurable: true,
        value() {
            scrolled.push(this.className.split(' ')[0] ?? '');
        }
    });
    try {
        await run();
        return scrolled;
    } finally {
        delete HTMLElement.prototype.scrollIntoView;
    }
}
