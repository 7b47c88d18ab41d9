import { api } from 'lwc';
import BillingPanelBase from 'c/billingPanelBase';
import ReceiptModal from 'c/receiptModal';
import { getTransactions, type PurchaseKind, type TransactionKind, type Transactions } from 'c/billingApi';
import { hasErrorCode, settle } from 'c/billingErrors';
import {
    PURCHASE_KIND_NAMES,
    REPORTED_KIND_NAMES,
    rangeInputProblems,
    type RangeInputProblem
} from 'c/billingRules';
import { clearFieldProblem, showFieldProblems } from 'c/fieldProblems';
import { describeFundingSource, formatCents, formatDate } from 'c/billingFormat';

const KIND_LABELS: Record<TransactionKind, string> = REPORTED_KIND_NAMES;
const PURCHASE_KIND_LABELS: Record<PurchaseKind, string> = PURCHASE_KIND_NAMES;
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
    /** True while the next page is on its way (the first page's loading is the base's `loading`). */
    loadingMore = false;
    loadMoreError: unknown;
    from = '';
    to = '';
    kind: TransactionKind | '' = '';

    async load(): Promise<void> {
        if (!this.accountId) return;
        const range = this.to ? { from: this.from, to: this.to } : this.today ? { to: this.today } : {};
        this.loadMoreError = undefined;
        const current = this.currentLoad();
        const { data, error } = await settle(
            getTransactions(this.accountId, { ...range, kind: this.kind, limit: PAGE_SIZE })
        );
        if (!current()) return;
        const problem = rangeProblemOf(error);
        // A range mistake is said on its date field, not as "could not be loaded".
        this.error = problem ? undefined : error;
        this.transactions = data;
        if (problem) showFieldProblems(this.template, [problem]);
        if (data) ({ from: this.from, to: this.to } = data);
    }

    get hasMore(): boolean {
        return Boolean(this.transactions?.nextCursor);
    }

    /** The next page below the rows shown (the totals are those of the whole range already). */
    async handleLoadMore(): Promise<void> {
        const shown = this.transactions;
        if (!shown?.nextCursor) return;
        this.loadingMore = true;
        const { data, error } = await settle(
            getTransactions(this.accountId, {
                from: this.from,
                to: this.to,
                kind: this.kind,
                cursor: shown.nextCursor,
                limit: PAGE_SIZE
            })
        );
        this.loadingMore = false;
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
        return this.ready && this.rows.length > 0;
    }

    /** The totals of the range asked, once answered (no $0.00 while loading). */
    get hasTotals(): boolean {
        return this.ready && this.transactions !== undefined;
    }

    /** Only an answer with no rows is an empty range; not a page still loading, nor a failure. */
    get isEmpty(): boolean {
        return this.hasTotals && this.rows.length === 0;
    }

    /** The spinner: the first page of a range, or the next page, on its way. */
    get busy(): boolean {
        return this.loading || this.loadingMore;
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
        this.rangeChanged(event.target);
    }

    handleToChange(event: CustomEvent<{ value: string }>): void {
        this.to = event.detail.value;
        this.rangeChanged(event.target);
    }

    handleKindChange(event: CustomEvent<{ value: string }>): void {
        this.kind = KIND_OPTIONS.find((option) => option.value === event.detail.value)?.value ?? '';
        this.reload({ fresh: true });
    }

    /** Another range: checked on its date fields with the service's rule first, then listed. */
    private rangeChanged(field: EventTarget | null): void {
        clearFieldProblem(field);
        if (showFieldProblems(this.template, rangeInputProblems(this.from, this.to))) {
            this.reload({ fresh: true });
            return;
        }
        // The rows and totals shown are those of another range: not shown beside this one.
        this.transactions = undefined;
        this.error = undefined;
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

/** The date field and sentence of a range the service refused (`invalid_request` naming a field). */
function rangeProblemOf(error: unknown): RangeInputProblem | undefined {
    if (!hasErrorCode(error, 'invalid_request')) return undefined;
    const body = (error as { body?: { message?: unknown; details?: { field?: unknown } } }).body;
    const field = body?.details?.field;
    if ((field !== 'from' && field !== 'to') || typeof body?.message !== 'string') return undefined;
    return { field, message: body.message };
}
