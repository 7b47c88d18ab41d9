import { api } from 'lwc';
import BillingPanel from 'c/billingPanel';
import {
    addFundingSource,
    cancelAccount,
    getBillingAdministrator,
    getFundingSources,
    getUsers,
    makePrimary,
    newIdempotencyKey,
    previewCancellation,
    removeFundingSource,
    setBillingAdministrator,
    setRechargeSource,
    type BankAccountInput,
    type BillingAdministrator,
    type Cancellation,
    type CardInput,
    type DirectoryUser,
    type FundingSource,
    type FundingSources
} from 'c/billingApi';
import { describeFundingSource, formatCents, formatDate } from 'c/billingFormat';

type SourceKind = 'card' | 'bank_account';

const KIND_OPTIONS = [
    { label: 'Credit card', value: 'card' },
    { label: 'Bank account (ACH)', value: 'bank_account' }
];
const ACCOUNT_TYPE_OPTIONS = [
    { label: 'Checking', value: 'checking' },
    { label: 'Savings', value: 'savings' }
];

export default class BillingPreferencesPanel extends BillingPanel {
    /** Shown in the card header; defaults to "Billing Preferences". */
    @api title = 'Billing Preferences';

    kindOptions = KIND_OPTIONS;
    accountTypeOptions = ACCOUNT_TYPE_OPTIONS;

    sources: FundingSources | undefined;
    error: unknown;
    administrator: BillingAdministrator | undefined;
    administratorError: unknown;
    admins: DirectoryUser[] = [];
    chosenAdministrator = '';
    cancellation: Cancellation | undefined;
    cancellationError: unknown;

    adding = false;
    newKind: SourceKind = 'card';
    form: Record<string, string> = {};

    async load(): Promise<void> {
        if (!this.accountId) return;
        try {
            this.sources = await getFundingSources(this.accountId);
            this.error = undefined;
        } catch (error) {
            this.sources = undefined;
            this.error = error;
        }
        try {
            const [administrator, users] = await Promise.all([
                getBillingAdministrator(this.accountId),
                getUsers()
            ]);
            this.administrator = administrator;
            this.admins = users.users.filter((user) => user.isAdmin && user.active);
            this.administratorError = undefined;
        } catch (error) {
            this.administratorError = error;
        }
    }

    get sourceRows() {
        return (this.sources?.fundingSources ?? []).map((source) => ({
            id: source.id,
            description: describeFundingSource(source),
            expiry:
                source.expMonth && source.expYear
                    ? `expires ${String(source.expMonth).padStart(2, '0')}/${source.expYear}`
                    : '',
            role: source.role === 'primary' ? 'Primary' : source.role === 'secondary' ? 'Secondary' : '',
            holder: `held by ${source.holderFirstName} ${source.holderLastName}`,
            validity: source.expired ? 'Expired: not a valid source' : '',
            recharge: source.usedForMinuteRecharges ? 'Used for minute recharges' : '',
            canMakePrimary: source.role !== 'primary' && !source.expired,
            canUseForRecharge: !source.usedForMinuteRecharges && !source.expired,
            makePrimaryLabel: `Make ${describeFundingSource(source)} primary`,
            removeLabel: `Remove ${describeFundingSource(source)}`,
            rechargeLabel: `Use ${describeFundingSource(source)} for minute recharges`
        }));
    }

    get administratorName(): string {
        return this.administrator?.name ?? 'none';
    }

    get administratorOptions() {
        return this.admins.map((user) => ({ label: `${user.name} (${user.email})`, value: user.id }));
    }

    get noAdministratorChange(): boolean {
        return !this.chosenAdministrator || this.chosenAdministrator === this.administrator?.userId;
    }

    get isCard(): boolean {
        return this.newKind === 'card';
    }

    get cancellationDate(): string {
        return formatDate(this.cancellation?.plan.effectiveDate);
    }

    get cancellationOwed(): string {
        return formatCents(this.cancellation?.plan.remainingOwed ?? 0);
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

    handleAddClick(): void {
        this.adding = true;
        this.form = {};
    }

    handleKindChange(event: CustomEvent<{ value: SourceKind }>): void {
        this.newKind = event.detail.value;
    }

    handleFieldChange(event: CustomEvent<{ value: string }>): void {
        const field = (event.target as HTMLElement).dataset.field ?? '';
        this.form = { ...this.form, [field]: event.detail.value };
    }

    handleAddSource(): void {
        const source = this.newSource();
        const holder = `${source.holderFirstName} ${source.holderLastName}`;
        const what =
            source.kind === 'card'
                ? `card ending ${source.number.slice(-4)}`
                : `bank account ending ${source.accountNumber.slice(-4)}`;
        this.startChange(`Add ${what} held by ${holder}`, async (authorization, key) => {
            await addFundingSource(this.accountId, source, authorization, key);
            this.adding = false;
            this.form = {};
        });
    }

    handleCloseAdd(): void {
        this.adding = false;
    }

    /** The typed fields as the service expects them; it validates numbers, expiry and routing. */
    private newSource(): CardInput | BankAccountInput {
        const field = (name: string) => (this.form[name] ?? '').trim();
        const holder = { holderFirstName: field('holderFirstName'), holderLastName: field('holderLastName') };
        if (this.newKind === 'card') {
            return {
                kind: 'card',
                number: field('number').replace(/[\s-]/g, ''),
                expMonth: Number(field('expMonth')),
                expYear: Number(field('expYear')),
                cvc: field('cvc'),
                ...holder
            };
        }
        return {
            kind: 'bank_account',
            routingNumber: field('routingNumber'),
            accountNumber: field('accountNumber'),
            accountType: field('accountType') === 'savings' ? 'savings' : 'checking',
            ...holder
        };
    }

    handleAdministratorChoice(event: CustomEvent<{ value: string }>): void {
        this.chosenAdministrator = event.detail.value;
    }

    handleChangeAdministrator(): void {
        const user = this.admins.find((admin) => admin.id === this.chosenAdministrator);
        if (!user) return;
        this.startChange(`Make ${user.name} the billing administrator`, async (authorization, key) => {
            await setBillingAdministrator(this.accountId, user.id, authorization, key);
            this.chosenAdministrator = '';
        });
    }

    async handleCancelAccountClick(): Promise<void> {
        try {
            const preview = await previewCancellation(this.accountId, newIdempotencyKey());
            this.cancellation = preview;
            this.cancellationError = undefined;
            this.startChange(
                `Cancel the account, effective ${formatDate(preview.plan.effectiveDate)}, with ${formatCents(preview.plan.remainingOwed)} still owed under the contract`,
                (authorization, key) => cancelAccount(this.accountId, authorization, key)
            );
        } catch (error) {
            this.cancellationError = error;
        }
    }
}
