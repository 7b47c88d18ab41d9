import { LightningElement, api } from 'lwc';
import { getFundingSources, type FundingSource } from 'c/billingApi';
import { settle } from 'c/billingErrors';
import { describeExpiry, describeFundingSource } from 'c/billingFormat';

/**
 * The funding source a purchase will be charged to: the primary (R7.4), shown where the admin decides
 * (the seed's "funding source information in the top right"), with how to charge another one.
 */
export default class ChargedSource extends LightningElement {
    sources: FundingSource[] | undefined;
    error: unknown;
    private currentAccountId = '';

    /** The billing account whose primary source is charged; changing it reloads. */
    @api
    get accountId(): string {
        return this.currentAccountId;
    }
    set accountId(value: string) {
        this.currentAccountId = value;
        if (this.isConnected) this.load();
    }

    connectedCallback(): void {
        this.load();
    }

    private async load(): Promise<void> {
        if (!this.accountId) return;
        this.sources = undefined;
        this.error = undefined;
        const answer = await settle(getFundingSources(this.accountId));
        this.sources = answer.data?.fundingSources;
        this.error = answer.error;
    }

    get loading(): boolean {
        return this.sources === undefined && !this.error;
    }

    private get primary(): FundingSource | undefined {
        return this.sources?.find((source) => source.role === 'primary');
    }

    get hasPrimary(): boolean {
        return this.primary !== undefined;
    }

    /** Loaded, and no source is primary: nothing can be charged. */
    get noPrimary(): boolean {
        return this.sources !== undefined && this.primary === undefined;
    }

    get description(): string {
        return this.primary ? describeFundingSource(this.primary) : '';
    }

    get expiry(): string {
        return this.primary ? describeExpiry(this.primary) : '';
    }

    get holder(): string {
        return this.primary ? `held by ${this.primary.holderFirstName} ${this.primary.holderLastName}` : '';
    }

    /** R7.3: an expired primary is not a valid source; the service refuses the charge. */
    get primaryExpired(): boolean {
        return this.primary?.expired ?? false;
    }
}
