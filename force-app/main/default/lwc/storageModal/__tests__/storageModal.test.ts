import StorageModal from 'c/storageModal';
import * as api from 'c/billingApi';
import { clickOn, innerTextOf, textOf } from '../../../../../test/utils/dom';
import { flushPromises } from '../../../../../test/utils/flushPromises';
import {
    ACCOUNT_ID,
    answerLater,
    cleanUpAfterEach,
    closedWith,
    mountPanel,
    showsSpinner
} from '../../../../../test/utils/panel';
import STORAGE from './data/storage.json';

jest.mock('c/billingApi');

const mocked = api as jest.Mocked<typeof api>;
type Modal = HTMLElement & { shadowRoot: ShadowRoot };

async function render(): Promise<Modal> {
    return (await mountPanel('c-storage-modal', StorageModal)) as Modal;
}

describe('c-storage-modal', () => {
    beforeEach(() => {
        mocked.getStorage.mockResolvedValue(STORAGE as api.Storage);
    });

    cleanUpAfterEach();

    it('R6.3 shows storage usage by kind, allowance, fee and how to lower it', async () => {
        const element = await render();
        expect(mocked.getStorage).toHaveBeenCalledWith(ACCOUNT_ID);
        expect(textOf(element, '.storage-usage')).toContain('Files and call recordings: 150 MB');
        expect(textOf(element, '.storage-usage')).toContain('Records: 300 MB');
        expect(textOf(element, '.storage-summary')).toContain('500 MB of an allowance of 400 MB');
        expect(textOf(element, '.storage-summary')).toContain('$30.00');
        expect(element.shadowRoot.querySelectorAll('.storage-advice li')).toHaveLength(3);
    });

    it('shows a spinner while the usage loads, not "0 MB" or a $0.00 fee', async () => {
        const later = answerLater();
        mocked.getStorage.mockReturnValue(later.promise as Promise<api.Storage>);
        const element = await render();
        expect(showsSpinner(element)).toBe(true);
        expect(element.shadowRoot.querySelector('.storage-summary')).toBeNull();
        later.answer(STORAGE);
        await flushPromises();
        expect(showsSpinner(element)).toBe(false);
        expect(textOf(element, '.storage-summary')).toContain('$30.00');
    });

    it('shows the error when storage cannot be loaded', async () => {
        mocked.getStorage.mockRejectedValue(new Error('Service unavailable'));
        const element = await render();
        expect(innerTextOf(element, 'c-error-panel.load-error')).toContain('Service unavailable');
        expect(element.shadowRoot.querySelector('.storage-summary')).toBeNull();
    });

    it('closes', async () => {
        const element = await render();
        const closed = closedWith(element);
        clickOn(element, 'lightning-button.close');
        expect(closed).toEqual([{}]);
    });

    it('is accessible', async () => {
        const element = await render();
        await expect(element).toBeAccessible();
    });
});
