import { api } from 'lwc';
import BillingPanelBase from 'c/billingPanelBase';
import AddFundingSourceModal from 'c/addFundingSourceModal';
import CancelAccountModal from 'c/cancelAccountModal';
import {
    getBillingAdministrator,
    getFundingSources,
    getUsers,
    makePrimary,
    removeFundingSource,
    setBillingAdministrator,
    setRechargeSource,
    type BillingAdministrator,
    type DirectoryUser,
    type FundingSource,
    type FundingSources
} from 'c/billingApi';
import { settle } from 'c/billingErrors';
import { describeExpiry, describeFundingSource } from 'c/billingFormat';
import { removalRefusal } from 'c/billingRules';

export default class BillingPreferencesPanel extends BillingPanelBase {
    /** Shown in the card header; defaults to "Billing Preferences". */
    @api title = 'Billing Preferences';

    sources: FundingSources | undefined;
    error: unknown;
    administrator: BillingAdministrator | undefined;
    administratorError: unknown;
    /** The company's Salesforce users: the administrators to choose from, by the service's own directory. */
    users: DirectoryUser[] = [];
    usersError: unknown;
    /** The Salesforce user id chosen in the administrator picker. */
    chosenAdministrator = '';

    async load(): Promise<void> {
        if (!this.accountId) return;
        const current = this.currentLoad();
        const [sources, administrator, users] = await Promise.all([
            settle(getFundingSources(this.accountId)),
            settle(getBillingAdministrator(this.accountId)),
            settle(getUsers())
        ]);
        if (!current()) return;
        ({ data: this.sources, error: this.error } = sources);
        ({ data: this.administrator, error: this.administratorError } = administrator);
        this.users = users.data?.users ?? [];
        this.usersError = users.error;
    }

    /** The funding sources once answered for this account (none listed while loading). */
    get sourceRows() {
        if (!this.ready) return [];
        const sources = this.sources?.fundingSources ?? [];
        return sources.map((source) => {
            // R7.3, the service's own rule: Remove waits until another valid source is added.
            const removeRefusal = removalRefusal(source.id, sources)?.message ?? '';
            return {
                id: source.id,
                description: describeFundingSource(source),
                expiry: describeExpiry(source),
                role: source.role === 'primary' ? 'Primary' : source.role === 'secondary' ? 'Secondary' : '',
                holder: `held by ${source.holderFirstName} ${source.holderLastName}`,
                validity: source.expired ? 'Expired: not a valid source' : '',
                recharge: source.usedForMinuteRecharges ? 'Used for minute recharges' : '',
                canMakePrimary: source.role !== 'primary' && !source.expired,
                canUseForRecharge: !source.usedForMinuteRecharges && !source.expired,
                makePrimaryLabel: `Make ${describeFundingSource(source)} primary`,
                removeLabel: `Remove ${describeFundingSource(source)}`,
                removeRefusal,
                cannotRemove: removeRefusal !== '',
                rechargeLabel: `Use ${describeFundingSource(source)} for minute recharges`
            };
        });
    }

    /** "Current: …" only once the service said who it is (never "none" while loading). */
    get showAdministrator(): boolean {
        return this.ready && this.administrator !== undefined;
    }

    get administratorName(): string {
        return this.administrator?.name ?? 'none';
    }

    /**
     * R1.3: only active Salesforce admins (Modify All Data or System Administrator) can be the billing
     * administrator, so only they are offered; the service checks the same directory again.
     */
    get administratorOptions(): Array<{ label: string; value: string }> {
        return this.users
            .filter((user) => user.active && user.isAdmin && user.id !== this.administrator?.userId)
            .map((user) => ({ label: `${user.name} (${user.email})`, value: user.id }));
    }

    /** The directory answered, and no other active admin can take over. */
    get noOtherAdministrator(): boolean {
        return !this.usersError && this.users.length > 0 && this.administratorOptions.length === 0;
    }

    get noAdministratorChange(): boolean {
        return !this.chosenAdministrator || this.chosenAdministrator === this.administrator?.userId;
    }

    private sourceById(id: string | undefined): FundingSource | undefined {
        return (this.sources?.fundingSources ?? []).find((source) => source.id === id);
    }

    private rowSource(event: Event): FundingSource | undefined {
        return this.sourceById((event.currentTarget as HTMLElement).dataset.id);
    }

    handleMakePrimary(event: Event): void {
        const source = this.rowSource(event);
        if (!source) return;
        this.startChange(
            `Make ${describeFundingSource(source)} the primary funding source`,
            (authorization, key) => makePrimary(this.accountId, source.id, authorization, key)
        );
    }

    handleRemove(event: Event): void {
        const source = this.rowSource(event);
        if (!source) return;
        this.startChange(`Remove ${describeFundingSource(source)}`, (authorization, key) =>
            removeFundingSource(this.accountId, source.id, authorization, key)
        );
    }

    handleUseForRecharge(event: Event): void {
        const source = this.rowSource(event);
        if (!source) return;
        this.startChange(`Use ${describeFundingSource(source)} for minute recharges`, (authorization, key) =>
            setRechargeSource(this.accountId, source.id, authorization, key)
        );
    }

    handleAddClick(): Promise<void> {
        return this.openDialog(AddFundingSourceModal, { size: 'medium', label: 'Add Funding Source' });
    }

    handleAdministratorChoice(event: CustomEvent<{ value: string }>): void {
        this.chosenAdministrator = event.detail.value;
    }

    handleChangeAdministrator(): void {
        const userId = this.chosenAdministrator;
        if (!userId) return;
        const name = this.users.find((user) => user.id === userId)?.name ?? userId;
        this.startChange(`Make ${name} the billing administrator`, async (authorization, key) => {
            await setBillingAdministrator(this.accountId, userId, authorization, key);
            this.chosenAdministrator = '';
        });
    }

    handleCancelAccountClick(): Promise<void> {
        return this.openDialog(CancelAccountModal, { size: 'small', label: 'Cancel Account' });
    }
}
