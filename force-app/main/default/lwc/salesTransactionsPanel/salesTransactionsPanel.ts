import { api } from 'lwc';
import BillingPanelBase from 'c/billingPanelBase';
import ReceiptModal from 'c/receiptModal';
import { getTransactions, type PurchaseKind, type TransactionKind, type Transactions } from 'c/billingApi';
import { settle } from 'c/billingErrors';
import { describeFundingSource, formatCents, formatDate } from 'c/billingFormat';

const KIND_LABELS: Record<TransactionKind, string> = {
    licenses: 'Licenses',
    minutes: 'Dialer minutes',
    services: 'Services',
    storage: 'Storage',
    credits: 'Credits and refunds'
};
const PURCHASE_KIND_LABELS: Record<PurchaseKind, string> = {
    ...KIND_LABELS,
    cycle: 'Monthly bill',
    refund: 'Refund',
    credit: 'Credit from PowerDialer'
};
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
    { label: 'Total', fieldName: 'total' },
    {
        label: 'Receipt',
        fieldName: 'number',
        type: 'button',
        typeAttributes: { label: 'Print', name: 'print_receipt', variant: 'base', title: 'Print the receipt' }
    },
    {
        label: 'Receipt',
        fieldName: 'number',
        type: 'button',
        typeAttributes: {
            label: 'Email',
            name: 'email_receipt',
            variant: 'base',
            title: 'E-mail the receipt'
        }
    }
].map((column) => ({ ...column, hideDefaultActions: true }));

/**
 * Transactions a page: about what the panel shows at 1280×800 without scrolling far, and what the
 * table redraws on a filter change in well under 300 ms (bench/transactionsPanelBench.ts: 50 rows
 * took twice as long to draw). Load more brings the next page.
 */
const PAGE_SIZE = 25;

/** What each row action opens the receipt for: to read it, to print it, or to e-mail it. */
const RECEIPT_STEPS: Record<string, '' | 'print' | 'email' | undefined> = {
    open_receipt: '',
    print_receipt: 'print',
    email_receipt: 'email'
};

export default class SalesTransactionsPanel extends BillingPanelBase {
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
    /** True while a page is on its way: a spinner, and no "no transactions" before the answer. */
    loading = false;
    loadMoreError: unknown;
    from = '';
    to = '';
    kind: TransactionKind | '' = '';

    async load(): Promise<void> {
        if (!this.accountId) return;
        const range = this.to ? { from: this.from, to: this.to } : this.today ? { to: this.today } : {};
        this.loading = true;
        this.loadMoreError = undefined;
        ({ data: this.transactions, error: this.error } = await settle(
            getTransactions(this.accountId, { ...range, kind: this.kind, limit: PAGE_SIZE })
        ));
        if (this.transactions) ({ from: this.from, to: this.to } = this.transactions);
        this.loading = false;
    }

    get hasMore(): boolean {
        return Boolean(this.transactions?.nextCursor);
    }

    /** The next page below the rows shown (the totals are those of the whole range already). */
    async handleLoadMore(): Promise<void> {
        const shown = this.transactions;
        if (!shown?.nextCursor) return;
        this.loading = true;
        const { data, error } = await settle(
            getTransactions(this.accountId, {
                from: this.from,
                to: this.to,
                kind: this.kind,
                cursor: shown.nextCursor,
                limit: PAGE_SIZE
            })
        );
        this.loading = false;
        this.loadMoreError = error;
        if (data)
            this.transactions = { ...data, transactions: [...shown.transactions, ...data.transactions] };
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

    /** Only an answer with no rows is an empty range; not a page still loading, nor a failure. */
    get isEmpty(): boolean {
        return Boolean(this.transactions) && !this.hasRows;
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
        const step = RECEIPT_STEPS[event.detail.action.name];
        if (step === undefined) return;
        await ReceiptModal.open({
            size: 'medium',
            label: `Receipt ${event.detail.row.number}`,
            accountId: this.accountId,
            transactionNumber: event.detail.row.number,
            terms: this.terms,
            ...(step ? { step } : {})
        });
    }
}
