import BillingModal from 'c/billingModal';
import { addFundingSource, type BankAccountInput, type CardInput } from 'c/billingApi';
import { bankAccountProblems, cardProblems } from 'c/billingRules';
import { clearFieldProblem, showFieldProblems } from 'c/fieldProblems';

type SourceKind = 'card' | 'bank_account';

const KIND_OPTIONS = [
    { label: 'Credit card', value: 'card' },
    { label: 'Bank account (ACH)', value: 'bank_account' }
];
const ACCOUNT_TYPE_OPTIONS = [
    { label: 'Checking', value: 'checking' },
    { label: 'Savings', value: 'savings' }
];

/** Add Funding Source (R7.1): a card or a bank account, added after Accept. */
export default class AddFundingSourceModal extends BillingModal {
    kindOptions = KIND_OPTIONS;
    accountTypeOptions = ACCOUNT_TYPE_OPTIONS;
    newKind: SourceKind = 'card';
    form: Record<string, string> = {};

    get isCard(): boolean {
        return this.newKind === 'card';
    }

    handleKindChange(event: CustomEvent<{ value: SourceKind }>): void {
        this.newKind = event.detail.value;
        this.pending = null;
    }

    handleFieldChange(event: CustomEvent<{ value: string }>): void {
        const field = (event.target as HTMLElement).dataset.field ?? '';
        this.form = { ...this.form, [field]: event.detail.value };
        this.pending = null;
        clearFieldProblem(event.target);
    }

    handleAddSource(): void {
        const source = this.newSource();
        // The service's own rules, on each field, before the authorization opens (it checks again).
        const problems =
            source.kind === 'card' ? cardProblems(source, new Date()) : bankAccountProblems(source);
        if (!showFieldProblems(this.template, problems)) {
            this.pending = null;
            return;
        }
        const holder = `${source.holderFirstName} ${source.holderLastName}`;
        const what =
            source.kind === 'card'
                ? `card ending ${source.number.slice(-4)}`
                : `bank account ending ${source.accountNumber.slice(-4)}`;
        this.startChange(`Add ${what} held by ${holder}`, (authorization, key) =>
            addFundingSource(this.accountId, source, authorization, key)
        );
    }

    /** The typed fields as the service expects them. */
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
}
