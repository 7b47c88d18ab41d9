/** Lets pending promises and the re-render they cause settle before the test asserts. */
export function flushPromises() {
    return new Promise((resolve) => setTimeout(resolve, 0));
}
