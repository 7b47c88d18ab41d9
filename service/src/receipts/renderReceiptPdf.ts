import PDFDocument from 'pdfkit';
import { RECEIPT_COLUMNS, type ReceiptContent } from './receiptContent';

const COLUMN_WIDTHS = [70, 190, 35, 70, 70, 75];
const LEFT = 50;

/** The receipt as a PDF (pdfkit, standard Helvetica, US Letter). */
export function renderReceiptPdf(receipt: ReceiptContent): Promise<Buffer> {
    const document = new PDFDocument({
        size: 'LETTER',
        margin: LEFT,
        info: { Title: receipt.title, Author: 'PowerDialer Billing' }
    });
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
        document.on('data', (chunk: Buffer) => {
            chunks.push(chunk);
        });
        document.on('end', () => {
            resolve(Buffer.concat(chunks));
        });
        document.on('error', reject);
    });
    document.font('Helvetica-Bold').fontSize(18).text(receipt.title);
    document.font('Helvetica').fontSize(11).moveDown(0.5);
    document.text(`${receipt.company} - ${receipt.account}`);
    document.text(`Date: ${receipt.date}`);
    document.text(`Status: ${receipt.status}`);
    document.text(`Paid with: ${receipt.paidWith}`);
    document.moveDown();
    drawRow(
        document,
        RECEIPT_COLUMNS.map((column) => column.heading),
        'Helvetica-Bold'
    );
    for (const row of receipt.rows)
        drawRow(
            document,
            RECEIPT_COLUMNS.map((column) => row[column.key]),
            'Helvetica'
        );
    document.moveDown();
    document
        .font('Helvetica-Bold')
        .fontSize(13)
        .text(`Total ${receipt.total}`, LEFT, document.y, { align: 'right' });
    document.end();
    return done;
}

function drawRow(document: PDFKit.PDFDocument, cells: string[], font: string): void {
    document.font(font).fontSize(9);
    const top = document.y;
    let x = LEFT;
    let bottom = top;
    cells.forEach((cell, index) => {
        const width = COLUMN_WIDTHS[index] ?? 60;
        document.text(cell, x, top, { width, align: index >= 2 ? 'right' : 'left' });
        bottom = Math.max(bottom, document.y);
        x += width + 4;
    });
    document.x = LEFT;
    document.y = bottom + 4;
}
