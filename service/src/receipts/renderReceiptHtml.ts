import { RECEIPT_COLUMNS, type ReceiptContent } from './receiptContent';

const ENTITIES: Record<string, string> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;'
};

export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}

/** A self-contained, printable page (no scripts, no external resources); every value escaped. */
export function renderReceiptHtml(receipt: ReceiptContent): string {
    const e = escapeHtml;
    const headings = RECEIPT_COLUMNS.map((column) => `<th scope="col">${e(column.heading)}</th>`).join('');
    const rows = receipt.rows
        .map(
            (row) => `<tr>${RECEIPT_COLUMNS.map((column) => `<td>${e(row[column.key])}</td>`).join('')}</tr>`
        )
        .join('\n');
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${e(receipt.title)}</title>
<style>
body { font-family: Helvetica, Arial, sans-serif; margin: 2rem; color: #181818; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #c9c9c9; padding: 0.4rem; text-align: left; }
td:nth-child(n+3), th:nth-child(n+3) { text-align: right; }
.total { font-weight: bold; font-size: 1.2rem; text-align: right; margin-top: 1rem; }
@media print { body { margin: 0; } }
</style>
</head>
<body>
<h1>${e(receipt.title)}</h1>
<p>${e(receipt.company)} — ${e(receipt.account)}</p>
<dl>
<dt>Date</dt><dd>${e(receipt.date)}</dd>
<dt>Status</dt><dd>${e(receipt.status)}</dd>
<dt>Paid with</dt><dd>${e(receipt.paidWith)}</dd>
</dl>
<table>
<thead><tr>${headings}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p class="total">Total ${e(receipt.total)}</p>
</body>
</html>
`;
}
