import LoadingSpinner from 'c/loadingSpinner';
import { mount, resetDom } from '../../../../../test/utils/dom';

type Spinner = HTMLElement & { shadowRoot: ShadowRoot };

describe('c-loading-spinner', () => {
    afterEach(() => resetDom());

    it('says what is loading', async () => {
        const element = (await mount('c-loading-spinner', LoadingSpinner, {
            label: 'Loading licenses'
        })) as Spinner;
        const spinner = element.shadowRoot.querySelector('lightning-spinner') as unknown as {
            alternativeText: string;
            size: string;
        };
        expect(spinner).toMatchObject({ alternativeText: 'Loading licenses', size: 'small' });
    });

    it('is accessible', async () => {
        const element = await mount('c-loading-spinner', LoadingSpinner, { label: 'Loading billing' });
        await expect(element).toBeAccessible();
    });
});
