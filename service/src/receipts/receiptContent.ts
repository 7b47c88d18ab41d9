import {
    calendarDateIn,
    formatLongDate,
    formatUsd,
    fundingSourceName,
    PURCHASE_KIND_NAMES,
    productName
} from '../../../core/index';
import type { TransactionDetail } from '../transactions/transactionRepository';

export interface ReceiptRow {
    product: string;
    description: string;
    quantity: string;
    unitPrice: string;
    proration: string;
    amount: string;
}

/** What a receipt says, as text: the HTML page and the PDF lay out the same content (R8.3). */
export interface ReceiptContent {
    title: string;
    number: string;
    company: string;
    account: string;
    date: string;
    status: string;
    paidWith: string;
    rows: ReceiptRow[];
    total: string;
}

const KIND_TITLES: Record<TransactionDetail['kind'], string> = PURCHASE_KIND_NAMES;

export function receiptContent(detail: TransactionDetail): ReceiptContent {
    const source = detail.fundingSource;
    return {
        title: `Receipt ${detail.number}`,
        number: detail.number,
        company: detail.account.companyName,
        account: detail.account.name,
        date: formatLongDate(calendarDateIn(detail.at, detail.account.timeZone)),
        status:
            detail.status === 'succeeded'
                ? `${KIND_TITLES[detail.kind]}: paid`
                : `${KIND_TITLES[detail.kind]}: payment declined${detail.declineMessage === null ? '' : ` (${detail.declineMessage})`}`,
        paidWith: source === null ? 'No funding source' : fundingSourceName(source),
        rows: detail.lines
            .map((line) => ({
                product: productName(line.productCode),
                description: line.description,
                quantity: String(line.quantity),
                unitPrice: formatUsd(line.unitPriceCents),
                proration:
                    line.prorationDays === null
                        ? ''
                        : `${line.prorationDays.days} of ${line.prorationDays.daysInMonth} days`,
                amount: formatUsd(line.amountCents)
            }))
            .concat(refundRows(detail)),
        total: formatUsd(detail.totalCents)
    };
}

/** Issue 14: a payment's refunds are shown on its receipt (each is also a transaction of its own). */
function refundRows(detail: TransactionDetail): ReceiptRow[] {
    return detail.refunds.map((refund) => ({
        product: productName('REFUND'),
        description: `Refunded ${formatLongDate(calendarDateIn(refund.at, detail.account.timeZone))} (${refund.number})`,
        quantity: '1',
        unitPrice: '',
        proration: '',
        amount: `-${formatUsd(refund.amountCents)}`
    }));
}

export const RECEIPT_COLUMNS: readonly { key: keyof ReceiptRow; heading: string }[] = [
    { key: 'product', heading: 'Product' },
    { key: 'description', heading: 'Description' },
    { key: 'quantity', heading: 'Qty' },
    { key: 'unitPrice', heading: 'Unit price' },
    { key: 'proration', heading: 'Proration' },
    { key: 'amount', heading: 'Amount' }
];
