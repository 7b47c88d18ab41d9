import { LightningElement } from 'lwc';

/** Jest stand-in for lightning/modal: `open` is a mock the test controls; `close` reports its result. */
export default class LightningModal extends LightningElement {
    static open = jest.fn();

    close(result) {
        this.dispatchEvent(new CustomEvent('modalclose', { detail: result }));
    }
}
