import { LightningElement, api } from 'lwc';

/**
 * What every panel shows while its data is on its way (in place of figures or empty states that
 * would be false before the answer): a lightning-spinner saying what loads.
 */
export default class LoadingSpinner extends LightningElement {
    /** What is loading, for screen readers: "Loading licenses". */
    @api label = 'Loading';

    /** The spinner's size: small inside a panel, medium for the whole page. */
    @api size = 'small';
}
