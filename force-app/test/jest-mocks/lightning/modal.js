import { LightningElement, api } from 'lwc';

/**
 * Jest stand-in for lightning/modal: `open` is a mock the test controls; `close` reports its result.
 * `close` is public as on the platform, where Escape and the header's close button call it.
 */
export default class LightningModal extends LightningElement {
    static open = jest.fn();

    @api
    close(result) {
        this.dispatchEvent(new CustomEvent('modalclose', { detail: result }));
    }
}
