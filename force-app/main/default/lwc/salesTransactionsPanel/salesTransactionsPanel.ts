import { api } from 'lwc';
import BillingPanel from 'c/billingPanel';
import ReceiptModal from 'c/receiptModal';
import { getTransactions, type PurchaseKind, type TransactionKind, type Transactions } from 'c/billingApi';
import { settle } from 'c/billingErrors';
import { describeFundingSource, formatCents, formatDate } from 'c/billingFormat';

const KIND_LABELS: Record<TransactionKind, string> = {
    licenses: 'Licenses',
    minutes: 'Dialer minutes',
    services: 'Services',
    storage: 'Storage'
};
const PURCHASE_KIND_LABELS: Record<PurchaseKind, string> = { ...KIND_LABELS, cycle: 'Monthly bill' };
/** A pending payment was sent and its answer is not in yet (the service settles it shortly). */
const STATUS_LABELS = { succeeded: 'Paid', failed: 'Declined', pending: 'Pending' } as const;

const KIND_OPTIONS: { label: string; value: TransactionKind | '' }[] = [
    { label: 'All kinds', value: '' },
    ...(Object.keys(KIND_LABELS) as TransactionKind[]).map((value) => ({ label: KIND_LABELS[value], value }))
];

const COLUMNS = [
    {
        label: 'TRX #',
        fieldName: 'number',
        type: 'button',
        typeAttributes: { label: { fieldName: 'number' }, name: 'open_receipt', variant: 'base' }
    },
    { label: 'Date', fieldName: 'displayDate' },
    { label: 'Kind', fieldName: 'kindLabel' },
    { label: 'Funding source', fieldName: 'paidWith', wrapText: true },
    { label: 'Status', fieldName: 'statusLabel' },
    { label: 'Total', fieldName: 'total' }
].map((column) => ({ ...column, hideDefaultActions: true }));

export default class SalesTransactionsPanel extends BillingPanel {
    /** Shown in the card header; defaults to "Sales Transactions". */
    @api title = 'Sales Transactions';

    /**
     * The day the default range ends (ISO date); when not given, today in the account's time zone.
     * The default range itself is the service's (core's DEFAULT_RANGE_DAYS): the panel shows the
     * days the service answers it used.
     */
    @api today: string | undefined;

    columns = COLUMNS;
    kindOptions = KIND_OPTIONS;
    transactions: Transactions | undefined;
    error: unknown;
    from = '';
    to = '';
    kind: TransactionKind | '' = '';

    async load(): Promise<void> {
        if (!this.accountId) return;
        const range = this.to ? { from: this.from, to: this.to } : this.today ? { to: this.today } : {};
        ({ data: this.transactions, error: this.error } = await settle(
            getTransactions(this.accountId, { ...range, kind: this.kind })
        ));
        if (this.transactions) ({ from: this.from, to: this.to } = this.transactions);
    }

    get rows() {
        return (this.transactions?.transactions ?? []).map((transaction) => ({
            ...transaction,
            displayDate: formatDate(transaction.at),
            kindLabel: PURCHASE_KIND_LABELS[transaction.kind],
            paidWith: describeFundingSource(transaction.fundingSource),
            statusLabel: STATUS_LABELS[transaction.status],
            total: formatCents(transaction.totalCents)
        }));
    }

    get hasRows(): boolean {
        return this.rows.length > 0;
    }

    get totals() {
        const totals = this.transactions?.totals;
        return (Object.keys(KIND_LABELS) as TransactionKind[]).map((kind) => ({
            kind,
            label: KIND_LABELS[kind],
            amount: formatCents(totals?.[kind] ?? 0)
        }));
    }

    handleFromChange(event: CustomEvent<{ value: string }>): void {
        this.from = event.detail.value;
        this.load();
    }

    handleToChange(event: CustomEvent<{ value: string }>): void {
        this.to = event.detail.value;
        this.load();
    }

    handleKindChange(event: CustomEvent<{ value: string }>): void {
        this.kind = KIND_OPTIONS.find((option) => option.value === event.detail.value)?.value ?? '';
        this.load();
    }

    async handleRowAction(
        event: CustomEvent<{ action: { name: string }; row: { number: string } }>
    ): Promise<void> {
        if (event.detail.action.name !== 'open_receipt') return;
        await ReceiptModal.open({
            size: 'medium',
            label: `Receipt ${event.detail.row.number}`,
            accountId: this.accountId,
            transactionNumber: event.detail.row.number,
            terms: this.terms
        });
    }
}
