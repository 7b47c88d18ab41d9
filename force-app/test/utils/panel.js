import TERMS from '../data/terms.json';
import { fireChange } from './authorize';
import { mount, resetDom } from './dom';
import { flushPromises } from './flushPromises';
import { ERROR_CODES } from '../../main/default/lwc/billingApi/serviceTypes.generated';

/** The billing account every panel test shows. */
export const ACCOUNT_ID = 'acc-1';

/** The footer's Accept as the tests' admin gives it (R9), for the shared terms. */
export const AUTHORIZATION = {
    firstName: 'Ada',
    lastName: 'Admin',
    termsVersion: TERMS.version,
    accepted: true
};

/** Mounts a panel of ACCOUNT_ID with the shared terms; `properties` adds or overrides public properties. */
export function mountPanel(tag, constructor, properties = {}) {
    return mount(tag, constructor, { accountId: ACCOUNT_ID, terms: TERMS, ...properties });
}

/**
 * After each test: unmounts every component and forgets the mocks' calls; `resetAnswers` also forgets
 * the answers they were given (for tests that queue answers with mock…Once).
 */
export function cleanUpAfterEach({ resetAnswers = false } = {}) {
    afterEach(() => {
        resetDom();
        if (resetAnswers) jest.resetAllMocks();
        else jest.clearAllMocks();
    });
}

/**
 * A refusal as billingApi rethrows it: the service's stable code and sentence. The tests are not
 * type-checked, so a code the service never sends (not in its ErrorCode) fails here instead.
 */
export function serviceError(code, message) {
    if (!ERROR_CODES.includes(code)) throw new Error(`the service never answers with the code ${code}`);
    return { body: { code, message } };
}

/** Types `detail` into the input at `inputSelector` as a person would, then presses `buttonSelector`. */
export async function fillAndPress(element, inputSelector, detail, buttonSelector) {
    fireChange(element.shadowRoot.querySelector(inputSelector), detail);
    await flushPromises();
    const button = element.shadowRoot.querySelector(buttonSelector);
    if (!button) throw new Error(`${buttonSelector} not found`);
    button.click();
    await flushPromises();
}

/**
 * Listens for a billing dialog closing (the jest stand-in of lightning/modal fires `modalclose`
 * with the result); returns the results seen so far.
 */
export function closedWith(element) {
    const results = [];
    element.addEventListener('modalclose', (event) => results.push(event.detail));
    return results;
}

/**
 * A call the service answers only when the test says so, to see what a panel shows meanwhile:
 * `mocked.getLicenses.mockReturnValue(later.promise)`, then `later.answer(data)`.
 */
export function answerLater() {
    let answer = () => undefined;
    const promise = new Promise((resolve) => (answer = resolve));
    return { promise, answer };
}

/** Whether `element` shows its spinner (c-loading-spinner: a load on its way). */
export function showsSpinner(element) {
    return element.shadowRoot.querySelector('c-loading-spinner') !== null;
}
