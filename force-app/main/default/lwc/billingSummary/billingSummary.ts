import { LightningElement, api, wire } from 'lwc';
import { MessageContext, subscribe, unsubscribe, type Subscription } from 'lightning/messageService';
import BILLING_REFRESH from '@salesforce/messageChannel/BillingRefresh__c';
import { getMe, getSummary, getTerms, type Me, type Summary, type Terms } from 'c/billingApi';
import { isNotPermitted } from 'c/billingErrors';
import { describePurchaseKind, formatCents, formatDate } from 'c/billingFormat';
import { isSetupProblem } from 'c/setupStatus';

export default class BillingSummary extends LightningElement {
    /** Page title shown above the accounts. */
    @api title = 'PowerDialer Billing';

    @wire(MessageContext) messageContext: unknown;

    me: Me | undefined;
    summary: Summary | undefined;
    terms: Terms | undefined;
    error: unknown;
    /** A setup step still to do (not connected, no certificate, ...): c-setup-status says which. */
    setupProblem: unknown;
    notPermitted = false;
    loaded = false;
    /** True while the page asks the service (first load, or Check again): a lightning-spinner. */
    loading = true;
    selectedAccountId = '';
    private subscription: Subscription | null = null;

    async connectedCallback(): Promise<void> {
        // A change in any panel changes the totals and recent purchases shown here.
        this.subscription = subscribe(this.messageContext, BILLING_REFRESH, () => this.handleRefresh());
        await this.load();
    }

    /** The admin finished a setup step (e.g. Connect) and checks again. */
    async handleRetry(): Promise<void> {
        // The setup status stays shown (its Check again busy) until the service answers.
        this.loading = true;
        await this.load();
    }

    private async load(): Promise<void> {
        try {
            this.me = await getMe();
            this.setupProblem = undefined;
            this.error = undefined;
            if (!this.me.isAdmin) {
                this.notPermitted = true;
                return;
            }
            const [summary, terms] = await Promise.all([getSummary(), getTerms()]);
            this.summary = summary;
            this.terms = terms;
            this.selectedAccountId = summary.accounts[0]?.id ?? '';
        } catch (error) {
            this.notPermitted = isNotPermitted(error);
            this.setupProblem = isSetupProblem(error) ? error : undefined;
            this.error = this.notPermitted || this.setupProblem !== undefined ? undefined : error;
        } finally {
            this.loaded = true;
            this.loading = false;
        }
    }

    disconnectedCallback(): void {
        if (this.subscription) unsubscribe(this.subscription);
        this.subscription = null;
    }

    async handleRefresh(): Promise<void> {
        if (!this.showBilling) return;
        try {
            this.summary = await getSummary();
        } catch (error) {
            this.error = error;
        }
    }

    /** The page's spinner: the first load, before any answer (a check again shows in the setup status). */
    get loadingPage(): boolean {
        return this.loading && this.setupProblem === undefined;
    }

    get showBilling(): boolean {
        return this.loaded && !this.notPermitted && this.summary !== undefined;
    }

    get accounts() {
        return (this.summary?.accounts ?? []).map((account) => ({
            id: account.id,
            name: account.name,
            recurringTotal: formatCents(account.recurringTotalCents),
            // R4.2: a failed or past-due cycle bill, in one line ("… failed on December 1, 2026; next try December 3, 2026.").
            paymentMessage:
                account.payment && account.payment.status !== 'paid' ? account.payment.message : null,
            licenses: account.licenses.map((license) => ({
                code: license.code,
                text: `${license.name}: ${license.quantity} × ${formatCents(license.unitPriceCents)} = ${formatCents(license.lineTotalCents)}`
            })),
            purchases: account.recentPurchases.map((purchase) => ({
                number: purchase.number,
                text: `${purchase.number}, ${formatDate(purchase.at)}, ${describePurchaseKind(purchase.kind)}: ${formatCents(purchase.totalCents)}`
            })),
            buttonVariant: account.id === this.selectedAccountId ? 'brand' : 'neutral',
            className:
                account.id === this.selectedAccountId
                    ? 'account slds-box slds-theme_shade slds-m-bottom_small'
                    : 'account slds-box slds-m-bottom_small'
        }));
    }

    handleSelectAccount(event: Event): void {
        this.selectedAccountId = (event.currentTarget as HTMLElement).dataset.id ?? '';
    }
}
